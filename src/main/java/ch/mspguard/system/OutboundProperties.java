package ch.mspguard.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where outbound connections may go, {@code hardening.outbound.*} (issue 18).
 *
 * @param allowedNetworks networks an operator allows although they are private or
 * loopback (such as {@code 10.20.0.0/16} for appliances in the provider's own network);
 * cloud metadata addresses stay refused
 */
@ConfigurationProperties("hardening.outbound")
public record OutboundProperties(@DefaultValue( {
	}) List<String> allowedNetworks){

}
