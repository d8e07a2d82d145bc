package org.ecawizard.facts;

/**
 * A product to buy for a candidate type.
 *
 * @param type     the code of the purchased type it is for, e.g. {@code MEDIUM_TOKEN_ASSURANCE}
 * @param name     the product's name, as IdenTrust names it (a Non-U.S. one for a buyer who lives outside the
 *                 U.S., where IdenTrust names one)
 * @param storage  where the certificate is kept, as a buyer reads it
 * @param validity the terms seen on public pages, or a sentence saying that none was seen
 * @param price    the prices seen on public pages, in U.S. dollars, or a sentence saying that none was seen
 * @param source   the address of the page these rest on
 */
public record Product(String type, String name, String storage, String validity, String price, String source) {
}
