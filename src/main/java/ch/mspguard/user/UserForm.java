package ch.mspguard.user;

import java.util.UUID;

/**
 * The create-user form. The password is never sent back to the browser.
 */
public class UserForm {

	private String username = "";

	private String password = "";

	private String role = "";

	private String tenantId = "";

	NewUser toNewUser() {
		UUID tenant = null;
		if (this.tenantId != null && !this.tenantId.isBlank()) {
			try {
				tenant = UUID.fromString(this.tenantId);
			}
			catch (IllegalArgumentException ex) {
				tenant = new UUID(0, 0);
			}
		}
		return new NewUser(this.username.strip(), this.password, this.role, tenant);
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = (username != null) ? username : "";
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = (password != null) ? password : "";
	}

	public String getRole() {
		return this.role;
	}

	public void setRole(String role) {
		this.role = (role != null) ? role : "";
	}

	public String getTenantId() {
		return this.tenantId;
	}

	public void setTenantId(String tenantId) {
		this.tenantId = (tenantId != null) ? tenantId : "";
	}

}
