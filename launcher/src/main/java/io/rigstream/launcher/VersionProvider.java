package io.rigstream.launcher;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar's manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = RigstreamCommand.class.getPackage().getImplementationVersion();
        return new String[] {"rigstream " + (version == null ? "development build" : version)};
    }
}
