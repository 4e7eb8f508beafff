package com.example.chatarchive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/chat-archive/transcripts/{conversationId}}: where a conversation's transcript was
 * archived. Served under Herald's {@code /api} application, like Herald's own resources, and for
 * the same roles as Herald's read routes.
 */
@RolesAllowed({"reader", "admin"})
@Path("chat-archive/transcripts")
@RequestScoped
public class TranscriptsResource {

  @Inject TranscriptArchive archive;

  @GET
  @Path("{conversationId}")
  @Produces(MediaType.APPLICATION_JSON)
  public TranscriptArchive.ArchivedTranscript transcript(
      @PathParam("conversationId") String conversationId) {
    return archive
        .find(conversationId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No transcript of conversation '" + conversationId + "' was archived"));
  }
}
