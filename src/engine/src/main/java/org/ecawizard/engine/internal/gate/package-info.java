/**
 * Not API. The gate every ruleset passes before it serves (it compiles, its catalog is sound, every scenario
 * passes, no selection runs away) and the impact of a change on the answers.
 */
package org.ecawizard.engine.internal.gate;
