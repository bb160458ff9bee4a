package ch.mspguard.user;

import java.util.List;

import ch.mspguard.tenant.Role;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

class LocalLoginTests {

	@Test
	void whileTheFormIsOnEveryAccountMayLogIn() {
		LocalLogin on = new LocalLogin(true, "break-glass");
		assertThat(on.allows(formLogin("alice", Role.AUDITOR))).isTrue();
		assertThat(on.formOn()).isTrue();
	}

	@Test
	void withTheFormOffOnlyTheEmergencyOperatorLogsInOnTheForm() {
		LocalLogin off = new LocalLogin(false, " break-glass ");
		assertThat(off.allows(formLogin("break-glass", Role.OPERATOR))).isTrue();
		assertThat(off.allows(formLogin("alice", Role.OPERATOR))).isFalse();
		assertThat(off.allows(formLogin("break-glass", Role.AUDITOR))).as("the emergency account must be an operator")
			.isFalse();
	}

	@Test
	void withTheFormOffAndNoEmergencyAccountNobodyLogsInOnTheForm() {
		assertThat(new LocalLogin(false, "").allows(formLogin("", Role.OPERATOR))).isFalse();
	}

	@Test
	void theSwitchLeavesHttpBasicOnTheApiAlone() {
		Authentication basic = UsernamePasswordAuthenticationToken.authenticated("alice", null,
				List.of(new SimpleGrantedAuthority(Role.AUDITOR.authority())));
		((UsernamePasswordAuthenticationToken) basic)
			.setDetails(new WebAuthenticationDetails(new MockHttpServletRequest()));
		assertThat(new LocalLogin(false, "").allows(basic)).isTrue();
	}

	private static Authentication formLogin(String name, Role role) {
		UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.authenticated(name, null,
				List.of(new SimpleGrantedAuthority(role.authority())));
		login.setDetails(new LocalLogin(true, "").formDetails().buildDetails(new MockHttpServletRequest()));
		return login;
	}

}
