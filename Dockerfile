# syntax=docker/dockerfile:1
# The same image as `mvn -Pimage -pl launcher -am -DskipTests package` (Jib) builds, for people who prefer docker:
#   mvn -B -ntp -DskipTests -pl launcher -am package
#   docker build -t rigstream:0.1.0-SNAPSHOT .
# The container's arguments choose the service:
#   docker run --rm rigstream:0.1.0-SNAPSHOT ingest -c /etc/rigstream/config/ingest.properties
# Build the jar first (above): the image takes launcher/target/rigstream.jar and launcher/target/lib/ as they are,
# so it holds exactly what the tests ran, and no build tools.
FROM eclipse-temurin:17-jre

LABEL org.opencontainers.image.title="rigstream" \
      org.opencontainers.image.description="One image for the rigstream services: the args choose ingest, topology, sink, topics, simulate or demo."

# No user of the base image: numeric, so that Kubernetes can check runAsNonRoot.
ARG RIGSTREAM_UID=10001

# Dependencies first: they change less often than rigstream's own jar, so their layer stays cached.
COPY --chown=0:0 launcher/target/lib/ /opt/rigstream/lib/
COPY --chown=0:0 launcher/target/rigstream.jar /opt/rigstream/rigstream.jar

WORKDIR /opt/rigstream
USER ${RIGSTREAM_UID}:${RIGSTREAM_UID}

# Heap from the container's memory limit, leaving room for RocksDB, direct buffers and threads.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"

ENTRYPOINT ["java", "-jar", "/opt/rigstream/rigstream.jar"]
CMD ["--help"]
