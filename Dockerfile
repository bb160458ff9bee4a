# Build with: ./mvnw -B package -DskipTests && docker compose build
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 hardening
WORKDIR /app
COPY target/seppmail-hardening-dashboard-*.jar /app/app.jar
USER hardening
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
