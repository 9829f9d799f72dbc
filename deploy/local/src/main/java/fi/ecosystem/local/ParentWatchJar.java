package fi.ecosystem.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes the {@link ParentWatch} agent into its own small jar and builds the JVM option for a child. */
final class ParentWatchJar {

    private ParentWatchJar() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve("parent-watch.jar");
        String resource = ParentWatch.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", ParentWatch.class.getName());
        Path tmp = Files.createTempFile(dir, "parent-watch", ".jar");
        try (OutputStream out = Files.newOutputStream(tmp);
             JarOutputStream jos = new JarOutputStream(out, manifest);
             InputStream in = ParentWatch.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("class resource not found: " + resource);
            }
            jos.putNextEntry(new JarEntry(resource));
            in.transferTo(jos);
            jos.closeEntry();
        }
        Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return jar;
    }

    static String jvmOption(Path jar) {
        return "-javaagent:" + jar + "=" + ProcessHandle.current().pid();
    }
}
