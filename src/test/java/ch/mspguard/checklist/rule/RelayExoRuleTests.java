package ch.mspguard.checklist.rule;

import org.junit.jupiter.api.Test;

import ch.mspguard.checklist.Message;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Verdict;

import static ch.mspguard.checklist.rule.SnapshotFixtures.domain;
import static ch.mspguard.checklist.rule.SnapshotFixtures.verdict;
import static ch.mspguard.checklist.rule.SnapshotFixtures.withDomains;
import static org.assertj.core.api.Assertions.assertThat;

class RelayExoRuleTests {

	private final RelayExoRule rule = new RelayExoRule();

	@Test
	void domainWithoutExchangeOnlineIsNotApplicable() {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.RELAY-EXO.message.not-exchange-online"));
	}

	@Test
	void exchangeOnlineDomainWithoutEntryFails() {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").exchangeOnline()));
		assertThat(verdict).isEqualTo(new Verdict(Outcome.FAIL, Message.of("rule.RELAY-EXO.message.no-entry"), null,
				"rule.RELAY-EXO.remediation"));
	}

	@Test
	void headerCheckDoesNotReplaceTheEntry() {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").exchangeOnline().headerCheck()));
		assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
	}

	@Test
	void pseudoIpEntryPasses() {
		Verdict verdict = verdict(this.rule, withDomains(domain("a.example").exchangeOnline().allow("10.255.255.254")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
		assertThat(verdict.message()).isEqualTo(Message.of("rule.RELAY-EXO.message.entries", "10.255.255.254"));
	}

	@Test
	void realServerEntriesPass() {
		Verdict verdict = verdict(this.rule,
				withDomains(domain("a.example").exchangeOnline().allow("192.0.2.25", "2001:db8::25")));
		assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
		assertThat(verdict.message().args()).containsExactly("192.0.2.25, 2001:db8::25");
	}

}
