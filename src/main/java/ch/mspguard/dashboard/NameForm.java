package ch.mspguard.dashboard;

/**
 * The single field of the add-domain and add-tenant forms.
 */
public class NameForm {

	private String name;

	public NameForm(String name) {
		this.name = name;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

}
