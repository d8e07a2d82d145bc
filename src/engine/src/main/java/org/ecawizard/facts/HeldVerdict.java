package org.ecawizard.facts;

/**
 * Whether one selected application takes the certificate the buyer holds.
 *
 * @param agency  the selected application's code
 * @param verdict {@code accepts} (its source states it), {@code inferred} (it accepts the type by the wizard's
 *                reading only), {@code unstated} (no source says), {@code rejects} (stated, or by a reading, as
 *                {@code why} says), {@code takes-no-eca} or {@code not-eca} (the certificate is no ECA type)
 * @param why     the sentence a buyer reads
 * @param source  the public page {@code why} rests on, or {@code "wizard"} when it is the wizard's own reasoning
 */
public record HeldVerdict(String agency, String verdict, String why, String source) {
}
