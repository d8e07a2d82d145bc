/**
 * The agency applications a ruleset declares. For a back end: {@link org.ecawizard.catalog.Agency}, each with
 * what its sources state of each certificate type. The catalog and type index are the engine's own.
 */
package org.ecawizard.catalog;
