package pownode.mining;

/** Chooses the search kernel a node mines with. */
public final class Kernels {
    private Kernels() {
    }

    /** The fastest kernel this JVM can run. */
    public static SearchKernel fastest() {
        return new DigestKernel();
    }
}
