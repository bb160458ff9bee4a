package ch.mspguard.system;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

class ExpensiveRequestSlotsTests {

	private final ExpensiveRequestSlots slots = slots();

	private static ExpensiveRequestSlots slots() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("request.busy", Locale.ENGLISH, "Busy, try again in {0} seconds.");
		AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
		locales.setDefaultLocale(Locale.ENGLISH);
		return new ExpensiveRequestSlots(new RequestLimits(1, Duration.ofSeconds(30)), messages, locales);
	}

	@Test
	void aSecondExpensiveRequestWhileTheOnlySlotIsTakenGets503WithRetryAfter() throws Exception {
		MockHttpServletResponse inner = new MockHttpServletResponse();
		MockFilterChain holdsTheSlot = new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
					throws java.io.IOException, jakarta.servlet.ServletException {
				ExpensiveRequestSlotsTests.this.slots.doFilter(post("/api/snapshots/evaluate"), inner,
						new MockFilterChain());
			}
		};
		MockHttpServletResponse outer = new MockHttpServletResponse();
		this.slots.doFilter(post("/api/snapshots"), outer, holdsTheSlot);

		assertThat(outer.getStatus()).isEqualTo(200);
		assertThat(inner.getStatus()).isEqualTo(503);
		assertThat(inner.getHeader("Retry-After")).isEqualTo("30");
		assertThat(inner.getContentAsString()).contains("Busy, try again in 30 seconds.").startsWith("{\"errors\"");
		MockHttpServletResponse after = new MockHttpServletResponse();
		this.slots.doFilter(post("/api/snapshots"), after, new MockFilterChain());
		assertThat(after.getStatus()).as("the slot is free again").isEqualTo(200);
	}

	@Test
	void cheapRequestsNeverWaitForASlot() {
		assertThat(ExpensiveRequestSlots.isExpensive(get("/actuator/health"))).isFalse();
		assertThat(ExpensiveRequestSlots.isExpensive(get("/api/snapshots"))).isFalse();
		assertThat(ExpensiveRequestSlots.isExpensive(post("/tenants/x/settings"))).isFalse();
		assertThat(ExpensiveRequestSlots.isExpensive(post("/import/seppmail/abc/pull"))).isTrue();
	}

	private static MockHttpServletRequest post(String path) {
		return new MockHttpServletRequest("POST", path);
	}

	private static MockHttpServletRequest get(String path) {
		return new MockHttpServletRequest("GET", path);
	}

}
