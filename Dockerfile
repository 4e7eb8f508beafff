# Herald on Open Liberty. Build: docker build -t herald .   Run: see docker-compose.yml
# Stage 1 builds the WAR with the project's own Maven build.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml server.xml ./
COPY src ./src
RUN mvn -B -q -DskipTests package \
 && mvn -B -q dependency:copy-dependencies -DincludeArtifactIds=h2,postgresql -DoutputDirectory=target/jdbc

# Stage 2: the kernel-only Liberty image, with just the features server.xml names.
FROM icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java17-openj9-ubi-minimal
COPY --chown=1001:0 server.xml /config/server.xml
COPY --chown=1001:0 jvm.options /config/jvm.options
COPY --chown=1001:0 server.env /config/server.env
RUN features.sh
COPY --chown=1001:0 --from=build /build/target/jdbc /opt/ol/wlp/usr/shared/resources/jdbc
COPY --chown=1001:0 --from=build /build/target/herald.war /config/dropins/herald.war
# Point Herald at your brokers: docker run -e KAFKA_BOOTSTRAP_SERVERS=broker:9092 ...
ENV KAFKA_BOOTSTRAP_SERVERS=kafka:9092
# HTTP and HTTPS (the image generates a keystore with a random password; README "Security").
EXPOSE 9080 9443
RUN configure.sh
