/**
 * The gate every ruleset passes before it serves (it compiles, its catalog is sound, every scenario passes, no
 * selection runs away), the impact of a change on the answers, and the analysts' {@code check} command. For a
 * back end: {@link org.ecawizard.check.Impact}, what a reload changed. The rest is the engine's own.
 */
package org.ecawizard.check;
