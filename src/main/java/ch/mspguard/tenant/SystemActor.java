package ch.mspguard.tenant;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs background work (start-up, scheduled pulls, re-evaluations) under an explicit
 * system identity, so that it gets a database role of its own instead of whatever the
 * thread had.
 */
public final class SystemActor {

	private SystemActor() {
	}

	public static <T> T call(String task, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system:" + task, null,
				List.of(new SimpleGrantedAuthority(Role.SYSTEM.authority()))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static void run(String task, Runnable work) {
		call(task, () -> {
			work.run();
			return null;
		});
	}

}
