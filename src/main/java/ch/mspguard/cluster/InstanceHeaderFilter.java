package ch.mspguard.cluster;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the answering instance in every response ({@code X-Instance-Id}), so that behind
 * a proxy one can see which instance served a request. Off with
 * {@code hardening.instance-header=false}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "hardening.instance-header", havingValue = "true", matchIfMissing = true)
class InstanceHeaderFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Instance-Id";

	private final InstanceId instance;

	InstanceHeaderFilter(InstanceId instance) {
		this.instance = instance;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HEADER, this.instance.value());
		chain.doFilter(request, response);
	}

}
