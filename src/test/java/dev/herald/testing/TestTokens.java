package dev.herald.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * JWTs as the integration tests' issuer signs them: RS256 with the test-only key {@code
 * src/test/resources/jwt/test-issuer.key.pem}, whose public half the test server trusts ({@code
 * mp.jwt.verify.publickey.location} in arquillian.xml), issuer {@value #ISSUER}, audience {@value
 * #AUDIENCE}, valid from a minute ago for ten minutes. Each method changes one thing, so a test can
 * spoil exactly one check.
 */
public final class TestTokens {

  public static final String ISSUER = "https://issuer.herald.test";
  public static final String AUDIENCE = "herald";
  static final Path KEY = Path.of("src/test/resources/jwt/test-issuer.key.pem");

  private final JWTClaimsSet.Builder claims;
  private final PrivateKey key;

  private TestTokens(JWTClaimsSet.Builder claims, PrivateKey key) {
    this.claims = claims;
    this.key = key;
  }

  /** A valid token for {@code user} in {@code groups} (role names). */
  public static TestTokens forUser(String user, String... groups) {
    Instant now = Instant.now();
    return new TestTokens(
        new JWTClaimsSet.Builder()
            .jwtID(UUID.randomUUID().toString())
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(user)
            .claim("upn", user)
            .claim("groups", List.of(groups))
            .issueTime(Date.from(now.minusSeconds(60)))
            .notBeforeTime(Date.from(now.minusSeconds(60)))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))),
        issuerKey());
  }

  public TestTokens claim(String name, Object value) {
    claims.claim(name, value);
    return this;
  }

  public TestTokens issuer(String issuer) {
    claims.issuer(issuer);
    return this;
  }

  public TestTokens audience(String audience) {
    claims.audience(audience);
    return this;
  }

  /** Expired {@code ago} ago (issued before that). */
  public TestTokens expired(Duration ago) {
    Instant end = Instant.now().minus(ago);
    claims
        .issueTime(Date.from(end.minus(Duration.ofMinutes(10))))
        .notBeforeTime(Date.from(end.minus(Duration.ofMinutes(10))))
        .expirationTime(Date.from(end));
    return this;
  }

  /** Valid only from {@code ahead} from now. */
  public TestTokens notBefore(Duration ahead) {
    claims.notBeforeTime(Date.from(Instant.now().plus(ahead)));
    claims.expirationTime(Date.from(Instant.now().plus(ahead).plus(Duration.ofMinutes(10))));
    return this;
  }

  /** Signed by a key the server does not know. */
  public TestTokens signedByStranger() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new TestTokens(claims, generator.generateKeyPair().getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The compact signed token. */
  public String sign() {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same claims, unsigned ({@code "alg": "none"}). */
  public String unsigned() {
    return new PlainJWT(claims.build()).serialize();
  }

  private static PrivateKey issuerKey() {
    try {
      String pem = Files.readString(KEY);
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
