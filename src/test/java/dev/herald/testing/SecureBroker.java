package dev.herald.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * A second single-node KRaft broker whose only client listener is SASL_SSL with SCRAM-SHA-512, as a
 * production cluster's: a key pair for {@code localhost} made by {@code keytool} at each start of
 * the tests, the broker's own {@code admin} user added when the storage is formatted (it also
 * carries the broker's traffic to itself), other users added by {@link #setPassword}. The
 * controller listener stays PLAINTEXT on localhost.
 */
public final class SecureBroker {

  public static final String MECHANISM = "SCRAM-SHA-512";
  static final String ADMIN = "admin";

  private static SecureBroker instance;

  private final int port = Integer.getInteger("herald.secure-broker.port", 19094);
  private final int controllerPort =
      Integer.getInteger("herald.secure-broker.controller.port", 19095);
  private final Path dir =
      BrokerProcess.emptied(
          Path.of(System.getProperty("herald.secure-broker.dir", "target/it-secure-broker")));
  private final String adminPassword = secret();
  private final String storePassword = secret();
  private final BrokerProcess process;

  private SecureBroker() {
    process = new BrokerProcess(dir, clientSettings(ADMIN, adminPassword));
  }

  /** The broker, started on first use and stopped when the test JVM exits. */
  public static synchronized SecureBroker get() {
    if (instance == null) {
      SecureBroker broker = new SecureBroker();
      broker.makeKeys();
      broker.format();
      broker.process.start();
      Runtime.getRuntime().addShutdownHook(new Thread(broker.process::stop, "secure-broker-stop"));
      instance = broker;
    }
    return instance;
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /** The PKCS12 truststore that holds the broker's certificate, for clients. */
  public Path truststore() {
    return dir.resolve("truststore.p12");
  }

  public String truststorePassword() {
    return storePassword;
  }

  /** The JAAS line a client logs in with. */
  public static String jaasConfig(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  /** Creates the SCRAM-SHA-512 user, or gives it a new password, as the broker's admin. */
  public void setPassword(String user, String password) {
    try (Admin admin = process.admin()) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not set the password of " + user, e);
    }
  }

  /** An admin client logged in as the broker's admin. */
  public Admin admin() {
    return process.admin();
  }

  /** What a Kafka client needs to reach this broker as {@code user}. */
  public Map<String, Object> clientSettings(String user, String password) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
    settings.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
    settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
    settings.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore().toString());
    settings.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, storePassword);
    settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
    return settings;
  }

  /**
   * A self-signed key pair for {@code localhost} (both names a client may dial, so host name
   * verification passes) in the broker's keystore, and its certificate alone in the truststore.
   */
  private void makeKeys() {
    Path keystore = dir.resolve("broker.p12");
    Path certificate = dir.resolve("broker.crt");
    String keytool = BrokerProcess.jdkTool("keytool");
    process.run(
        List.of(
            keytool,
            "-genkeypair",
            "-alias",
            "broker",
            "-keyalg",
            "RSA",
            "-keysize",
            "2048",
            "-validity",
            "2",
            "-dname",
            "CN=localhost",
            "-ext",
            "san=dns:localhost,ip:127.0.0.1",
            "-storetype",
            "PKCS12",
            "-keystore",
            keystore.toString(),
            "-storepass",
            storePassword),
        "keytool.log",
        "making the broker's key pair");
    process.run(
        List.of(
            keytool,
            "-exportcert",
            "-rfc",
            "-alias",
            "broker",
            "-keystore",
            keystore.toString(),
            "-storepass",
            storePassword,
            "-file",
            certificate.toString()),
        "keytool.log",
        "exporting the broker's certificate");
    process.run(
        List.of(
            keytool,
            "-importcert",
            "-noprompt",
            "-alias",
            "broker",
            "-file",
            certificate.toString(),
            "-storetype",
            "PKCS12",
            "-keystore",
            truststore().toString(),
            "-storepass",
            storePassword),
        "keytool.log",
        "making the truststore");
  }

  private void format() {
    String jaas = jaasConfig(ADMIN, adminPassword);
    process.writeConfig(
        controllerPort,
        List.of(
            "listeners=SASL_SSL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
            "advertised.listeners=SASL_SSL://localhost:" + port,
            "listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name=SASL_SSL",
            "sasl.enabled.mechanisms=" + MECHANISM,
            "sasl.mechanism.inter.broker.protocol=" + MECHANISM,
            "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=" + jaas,
            "ssl.keystore.type=PKCS12",
            "ssl.keystore.location=" + dir.resolve("broker.p12"),
            "ssl.keystore.password=" + storePassword,
            "ssl.truststore.type=PKCS12",
            "ssl.truststore.location=" + truststore(),
            "ssl.truststore.password=" + storePassword));
    process.format(
        List.of("--add-scram", MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]"));
  }

  private static String secret() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
