package ch.mspguard.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

	@Query("select u from UserAccount u where lower(u.username) = lower(?1)")
	Optional<UserAccount> findByUsername(String username);

	@Query("select u.username from UserAccount u where u.tenantId in ?1 order by u.username")
	List<String> findUsernamesByTenantIdIn(Collection<UUID> tenantIds);

	List<UserAccount> findAllByOrderByUsername();

	/*
	 * The second factor's columns are written only here, by updates that touch them
	 * alone: auditors and tenant admins may update nothing else of their own account, and
	 * the login role marks the time step used before anyone is fully authenticated.
	 */

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update UserAccount u set u.totpSecret = ?2, u.totpEnabled = true, u.totpLastStep = ?3, u.recoveryCodes = ?4
			where lower(u.username) = lower(?1)""")
	int enrolSecondFactor(String username, byte[] sealedSecret, long step, String[] recoveryCodeHashes);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update UserAccount u set u.totpLastStep = ?2 where lower(u.username) = lower(?1)")
	int markTimeStepUsed(String username, long step);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update UserAccount u set u.recoveryCodes = ?2 where lower(u.username) = lower(?1)")
	int keepRecoveryCodes(String username, String[] recoveryCodeHashes);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update UserAccount u set u.totpSecret = null, u.totpEnabled = false, u.totpLastStep = null,
			       u.recoveryCodes = ?2
			where lower(u.username) = lower(?1)""")
	int removeSecondFactor(String username, String[] noRecoveryCodes);

}
