package dev.herald.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.herald.config.WebhookSettings;
import dev.herald.events.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One delivery attempt: a signed POST of a message to an endpoint, and what came of it.
 *
 * <p>Apache HttpClient 5, not the JDK's client, because its DNS resolver can be replaced: the
 * connection goes to the addresses {@link AddressGuard#resolve} checked (see {@link
 * GuardedDnsResolver}), while TLS still verifies the host name. Redirects are not followed, nothing
 * is retried here (the retry schedule does that), no proxy, cookie or compression is used, and TLS
 * trusts what the JVM trusts by default. Each attempt has a deadline on top of the connect and read
 * timeouts, so an endpoint that trickles its answer cannot hold it longer.
 */
public final class WebhookClient implements AutoCloseable {

  public static final String USER_AGENT = "Herald-Webhooks";

  private static final ContentType CLOUDEVENTS_JSON = ContentType.create(JsonFormat.CONTENT_TYPE);

  private final CloseableHttpClient http;
  private final Duration timeout;
  private final int maxResponseBytes;
  private final Clock clock;
  private final ScheduledExecutorService deadlines;

  /**
   * @param deadlines runs the task that ends an attempt at its deadline; the caller owns it
   */
  public WebhookClient(
      AddressGuard guard,
      WebhookSettings settings,
      Clock clock,
      ScheduledExecutorService deadlines) {
    this.timeout = settings.timeout();
    this.maxResponseBytes = settings.maxResponseBytes();
    this.clock = clock;
    this.deadlines = deadlines;
    Timeout limit = Timeout.of(timeout);
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new GuardedDnsResolver(guard))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(limit)
                            .setSocketTimeout(limit)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(false)
                    .setConnectionRequestTimeout(limit)
                    .setResponseTimeout(limit)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .setUserAgent(USER_AGENT)
            .build();
  }

  /**
   * Sends the message once, signed with each secret (two during a rotation).
   *
   * @return the attempt; never throws for what the endpoint or the network did
   */
  public Attempt send(URI endpoint, WebhookMessage message, List<WebhookSecret> secrets) {
    return send(endpoint, message, secrets, Map.of());
  }

  /** {@link #send(URI, WebhookMessage, List)} with more headers, e.g. the trace context. */
  public Attempt send(
      URI endpoint,
      WebhookMessage message,
      List<WebhookSecret> secrets,
      Map<String, String> headers) {
    Instant at = clock.instant();
    long timestamp = at.getEpochSecond();
    HttpPost post = new HttpPost(endpoint);
    headers.forEach(post::setHeader);
    post.setHeader(Signatures.ID_HEADER, message.id());
    post.setHeader(Signatures.TIMESTAMP_HEADER, Long.toString(timestamp));
    post.setHeader(
        Signatures.SIGNATURE_HEADER,
        Signatures.header(message.id(), timestamp, message.body(), secrets));
    post.setEntity(new ByteArrayEntity(message.body().getBytes(UTF_8), CLOUDEVENTS_JSON));

    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              expired.set(true);
              post.cancel();
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    long start = System.nanoTime();
    ClassicHttpResponse response = null;
    try {
      response = http.executeOpen(null, post, null);
      int status = response.getCode();
      String body = read(response.getEntity(), post);
      Duration latency = Duration.ofNanos(System.nanoTime() - start);
      Duration retryAfter = null;
      if (status == 429 || status == 503) {
        Header header = response.getFirstHeader("Retry-After");
        retryAfter = RetryAfter.parse(header == null ? null : header.getValue(), clock.instant());
      }
      Attempt.Outcome outcome =
          status >= 200 && status < 300 ? Attempt.Outcome.SUCCEEDED : Attempt.Outcome.FAILED_STATUS;
      return new Attempt(at, outcome, status, latency, body, retryAfter);
    } catch (IOException e) {
      Duration latency = Duration.ofNanos(System.nanoTime() - start);
      return new Attempt(at, outcome(e, expired.get()), 0, latency, describe(e), null);
    } finally {
      deadline.cancel(false);
      closeQuietly(response);
    }
  }

  /**
   * Up to {@code maxResponseBytes} of the body. When there may be more, the connection is dropped
   * instead of read to its end; a body cut by the deadline or a reset keeps what arrived.
   */
  private String read(HttpEntity entity, HttpPost post) {
    if (entity == null) {
      return "";
    }
    byte[] buffer = new byte[maxResponseBytes];
    int length = 0;
    try (InputStream in = entity.getContent()) {
      int n;
      while (length < buffer.length && (n = in.read(buffer, length, buffer.length - length)) >= 0) {
        length += n;
      }
      if (length == buffer.length) {
        post.cancel(); // more may follow: close the connection rather than drain it
      }
    } catch (IOException e) {
      post.cancel();
    }
    return new String(buffer, 0, length, UTF_8);
  }

  private static Attempt.Outcome outcome(IOException e, boolean expired) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BlockedAddressException) {
        return Attempt.Outcome.BLOCKED_ADDRESS;
      }
    }
    if (expired || e instanceof InterruptedIOException) {
      return Attempt.Outcome.TIMEOUT; // read and connect timeouts too
    }
    if (e instanceof ConnectException) {
      return Attempt.Outcome.REFUSED;
    }
    return Attempt.Outcome.OTHER;
  }

  private String describe(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e instanceof java.net.UnknownHostException && !(e instanceof BlockedAddressException)
        ? "host not found: " + message
        : message;
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    if (response != null) {
      try {
        response.close();
      } catch (IOException e) {
        // The connection was dropped on purpose (cut body, deadline): nothing left to release.
      }
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
