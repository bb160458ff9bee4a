# The dashboard as a small image that runs as a non-root user and starts faster with class
# data sharing. Build with:
#   ./mvnw -B package -DskipTests && docker compose build
# The base image is a build argument, so that a locally built Java runtime can stand in for
# the official one where no registry is reachable (.ci/run does that).
ARG BASE_IMAGE=eclipse-temurin:17-jre

FROM ${BASE_IMAGE} AS extract
WORKDIR /build
COPY target/seppmail-hardening-dashboard-*.jar app.jar
# Classes in lib/ instead of nested jars: faster to load, and what class data sharing needs.
RUN java -Djarmode=tools -jar app.jar extract --destination /build/app

FROM ${BASE_IMAGE}
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin hardening \
    && mkdir -p /app/cds && chown hardening:hardening /app/cds
WORKDIR /app
COPY --from=extract /build/app /app
USER hardening
# A training run records the classes a start loads into an archive that later starts map
# instead of loading and verifying them again. It runs against a throw-away embedded
# PostgreSQL (no database is reachable while the image is built) and stops once the
# application context is refreshed.
RUN java -XX:ArchiveClassesAtExit=/app/cds/app.jsa -Dspring.context.exit=onRefresh \
        -Dhardening.data-directory=/tmp/training -Dhardening.seppmail.scheduler-enabled=false \
        -jar /app/app.jar > /tmp/training.log 2>&1 \
    || (tail -50 /tmp/training.log; exit 1); rm -rf /tmp/training /tmp/training.log
EXPOSE 8080
# -XX:SharedArchiveFile: a stale or missing archive is ignored with a warning, never fatal.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/cds/app.jsa", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
