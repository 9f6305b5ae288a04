package io.rigstream.topology.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Writes and reads one state type in a compact binary form. State is read and written for every reading, so it is
 * not JSON; each encoding starts with a format version so that a later release can still read what this one wrote.
 */
public interface BinaryCodec<T> {

    void write(T value, DataOutputStream out) throws IOException;

    T read(DataInputStream in) throws IOException;
}
