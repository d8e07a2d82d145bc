/**
 * Not API. Rule files read, confined to the facts, compiled into a ruleset with the ECA CAs its trust store holds,
 * and run.
 */
package org.ecawizard.engine.internal.ruleset;
