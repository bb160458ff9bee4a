package ch.mspguard.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

	@Query("select u from UserAccount u where lower(u.username) = lower(?1)")
	Optional<UserAccount> findByUsername(String username);

	@Query("select u.username from UserAccount u where u.tenantId in ?1 order by u.username")
	List<String> findUsernamesByTenantIdIn(Collection<UUID> tenantIds);

	List<UserAccount> findAllByOrderByUsername();

}
