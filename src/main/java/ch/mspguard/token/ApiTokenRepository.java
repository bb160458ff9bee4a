package ch.mspguard.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

	Optional<ApiToken> findBySecretHash(byte[] secretHash);

	@Query("select count(t) > 0 from ApiToken t where lower(t.name) = lower(?1)")
	boolean existsByNameIgnoringCase(String name);

	List<ApiToken> findAllByOrderByCreatedAtDesc();

	/**
	 * Only these two columns: the login role that records a use may change nothing else.
	 */
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = ?2, t.lastUsedAddress = ?3 where t.id = ?1")
	void recordUse(UUID id, Instant at, String address);

}
