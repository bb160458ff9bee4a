package ch.mspguard.seppmail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the live pull from SEPPmail appliances ({@code hardening.seppmail.*}).
 *
 * @param connectTimeout how long to wait for the TCP and TLS connection
 * @param readTimeout how long one request may take, response body included
 * @param maxResponseBytes the largest response accepted
 * @param schedulerEnabled whether scheduled pulls run at all
 */
@ConfigurationProperties("hardening.seppmail")
record SeppmailProperties(Duration connectTimeout, Duration readTimeout, Long maxResponseBytes,
		Boolean schedulerEnabled) {

	SeppmailProperties {
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(10);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(30);
		maxResponseBytes = (maxResponseBytes != null) ? maxResponseBytes : 20L * 1024 * 1024;
		schedulerEnabled = (schedulerEnabled != null) ? schedulerEnabled : Boolean.TRUE;
	}

}
