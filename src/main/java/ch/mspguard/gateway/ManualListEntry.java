package ch.mspguard.gateway;

import java.io.Serializable;

/**
 * An entry of Mail System › Manual blocklisting / welcomelisting.
 *
 * @param network the network
 * @param action accept or reject
 * @param comment optional comment, may be {@code null}
 */
public record ManualListEntry(Network network, ListAction action, String comment) implements Serializable {

}
