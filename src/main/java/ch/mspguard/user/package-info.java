/**
 * User accounts, roles, passwords, second factor, login throttling and the user
 * administration pages.
 */
@ApplicationModule(displayName = "Users")
package ch.mspguard.user;

import org.springframework.modulith.ApplicationModule;
