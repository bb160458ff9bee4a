package ch.mspguard.cluster;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Which instance this is: {@code hardening.instance-id}, else the host name (a
 * container's id), else a random one. Operators and the deployment test read it from the
 * {@code X-Instance-Id} response header to see which instance answered.
 */
@Component
public class InstanceId {

	private final String value;

	InstanceId(@Value("${hardening.instance-id:}") String configured) {
		String host = System.getenv("HOSTNAME");
		this.value = StringUtils.hasText(configured) ? configured.strip()
				: StringUtils.hasText(host) ? host : UUID.randomUUID().toString().substring(0, 8);
	}

	public String value() {
		return this.value;
	}

}
