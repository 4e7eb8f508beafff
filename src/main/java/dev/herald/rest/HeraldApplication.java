package dev.herald.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Herald's REST API lives under {@code /api}; health and metrics are served by Liberty. */
@ApplicationPath("/api")
public class HeraldApplication extends Application {}
