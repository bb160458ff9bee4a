package ch.mspguard.token;

/**
 * The answer to a token's creation, the only place its secret ever appears.
 *
 * @param token the secret, shown this once
 * @param details what is stored about it
 */
public record CreatedToken(String token, TokenView details) {

	@Override
	public String toString() {
		return "CreatedToken[" + this.details.prefix() + "…]";
	}

}
