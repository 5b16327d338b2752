package pownode.mining;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the search kernel a node mines with.
 *
 * <p>{@link #fastest()} follows a fixed order, measured with the {@code bench} command on an
 * AMD EPYC (Zen 4) with SHA and AVX-512 extensions (see docs/BENCHMARKS.md):
 * <ol>
 *   <li>{@code vector} when the module {@code jdk.incubator.vector} is present and a SIMD step
 *       has at least 8 lanes: 16 lanes (AVX-512) ran at 33 to 37 million candidates per
 *       second on one thread and 8 lanes (AVX2, with {@code -XX:UseAVX=2}) at 26 to 40
 *       million, against 22 to 23 million for the SHA-NI intrinsic;</li>
 *   <li>{@code jdk-compress} when the JDK's SHA-1 block function is reachable, then
 *       {@code digest}, if HotSpot compiles SHA-1 to an intrinsic;</li>
 *   <li>{@code java} otherwise, because without the intrinsic the plain Java compression
 *       is the fastest kernel.</li>
 * </ol>
 */
public final class Kernels {
    public static final String VECTOR = "vector";
    public static final String JDK_COMPRESS = JdkCompressKernel.NAME;
    public static final String DIGEST = "digest";
    public static final String JAVA = JavaKernel.NAME;

    /** Names of all kernels of this build, in order of preference on a CPU with SHA and AVX-512 extensions. */
    public static final List<String> NAMES = List.of(VECTOR, JDK_COMPRESS, DIGEST, JAVA);

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "pownode.mining.VectorKernel";
    /** Minimum lanes per SIMD step that were measured to outrun the SHA-NI intrinsic. */
    private static final int MIN_PREFERRED_LANES = 8;

    private Kernels() {
    }

    /** Creates the fastest kernel this JVM can run, by the order described on this class. */
    public static SearchKernel fastest() {
        if (vectorLanes() >= MIN_PREFERRED_LANES) {
            return create(VECTOR).orElseThrow();
        }
        if (sha1IntrinsicEnabled()) {
            return JdkCompressKernel.isAvailable() ? new JdkCompressKernel() : new DigestKernel();
        }
        return new JavaKernel();
    }

    /** Returns the names of the kernels this JVM can run, in the order of {@link #NAMES}. */
    public static List<String> availableNames() {
        List<String> names = new ArrayList<>();
        for (String name : NAMES) {
            if (unavailableReason(name) == null) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Creates the kernel called {@code name}. Returns empty when the name is unknown or the
     * kernel cannot run on this JVM (see {@link #unavailableReason}).
     */
    public static Optional<SearchKernel> create(String name) {
        if (unavailableReason(name) != null) {
            return Optional.empty();
        }
        switch (name) {
            case VECTOR:
                return Optional.of(newVectorKernel());
            case JDK_COMPRESS:
                return Optional.of(new JdkCompressKernel());
            case DIGEST:
                return Optional.of(new DigestKernel());
            case JAVA:
                return Optional.of(new JavaKernel());
            default:
                return Optional.empty();
        }
    }

    /**
     * Returns why the known kernel {@code name} cannot run on this JVM, or null when it can.
     *
     * @throws IllegalArgumentException if {@code name} is not one of {@link #NAMES}
     */
    public static String unavailableReason(String name) {
        switch (name) {
            case VECTOR:
                return vectorModulePresent() ? null : "module " + VECTOR_MODULE + " is not in the boot layer";
            case JDK_COMPRESS:
                return JdkCompressKernel.unavailableReason();
            case DIGEST:
            case JAVA:
                return null;
            default:
                throw new IllegalArgumentException("unknown kernel '" + name + "', expected one of " + NAMES);
        }
    }

    /** Returns the number of candidates the vector kernel hashes per step, or 0 when it cannot run. */
    public static int vectorLanes() {
        if (!vectorModulePresent()) {
            return 0;
        }
        try {
            return (int) Class.forName(VECTOR_CLASS).getDeclaredMethod("lanes").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("failed to query " + VECTOR_CLASS, e);
        }
    }

    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** Loads the vector kernel by name only, because its class fails to link without the module. */
    private static SearchKernel newVectorKernel() {
        try {
            return (SearchKernel) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("failed to create " + VECTOR_CLASS, e);
        }
    }

    /**
     * Tells whether HotSpot compiles the JDK's SHA-1 to an intrinsic. Returns true when the
     * flag cannot be read (no module jdk.management, or not HotSpot), because the JDK's
     * kernels were not much slower than {@code java} with {@code -XX:-UseSHA1Intrinsics}:
     * 4.6 to 4.7 against 5.2 to 5.7 million hashes per second on one thread.
     */
    static boolean sha1IntrinsicEnabled() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean hotspot =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return hotspot == null || Boolean.parseBoolean(hotspot.getVMOption("UseSHA1Intrinsics").getValue());
        } catch (LinkageError | RuntimeException e) {
            return true;
        }
    }
}
