package ch.mspguard.user;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SsoMappingRepository extends JpaRepository<SsoMapping, UUID> {

	List<SsoMapping> findByClaimValueIn(Collection<String> claimValues);

	boolean existsByClaimValue(String claimValue);

	List<SsoMapping> findAllByOrderByClaimValue();

}
