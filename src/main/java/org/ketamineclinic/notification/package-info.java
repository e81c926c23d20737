/**
 * Email to staff and patients through a transactional outbox: a message is stored with the work
 * that caused it and delivered (and retried) afterwards, so a mail server outage loses nothing.
 */
@NullMarked
@ApplicationModule(displayName = "Notification", allowedDependencies = { "identity", "platform" })
package org.ketamineclinic.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
