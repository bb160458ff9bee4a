package ch.mspguard.gateway;

/**
 * The names under which the gateway's network lists are stored.
 */
final class GatewayLists {

	static final String RELAYING = "relaying";

	static final String EXCHANGE_ONLINE_RELAYING = "exchange-online-relaying";

	static final String SMTP_INBOUND = "smtp-inbound";

	static final String ADMIN_INBOUND = "admin-inbound";

	static final String MANUAL = "manual";

	private GatewayLists() {
	}

}
