package pownode.mining;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The midstate kernel on the JDK's own SHA-1 block function,
 * {@code sun.security.provider.SHA.implCompress(byte[], int)}, which HotSpot replaces with
 * an intrinsic (SHA-NI on x86 CPUs with SHA extensions) when {@code UseSHA1Intrinsics} is on.
 * A candidate costs three byte stores, a five-word state reset and one or two block calls.
 *
 * <p>The class is JDK-internal, so the kernel works only when {@code java.base/sun.security.provider}
 * is opened to this code: {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED}
 * on the command line, or {@code Add-Opens: java.base/sun.security.provider} in the manifest
 * of an executable JAR. {@link #isAvailable()} also checks the result on the message "abc", so
 * a JDK whose internals differ disables the kernel instead of mining wrong digests.
 */
public final class JdkCompressKernel extends TemplateKernel {
    public static final String NAME = "jdk-compress";

    private static final String SHA_CLASS = "sun.security.provider.SHA";
    /** {@code implCompress(byte[], int)} with the receiver typed as Object. */
    private static final MethodHandle COMPRESS;
    /** Getter of the chaining value {@code int[] state}. */
    private static final MethodHandle STATE;
    private static final MethodHandle CONSTRUCTOR;
    private static final String UNAVAILABLE_REASON;

    static {
        MethodHandle compress = null;
        MethodHandle state = null;
        MethodHandle constructor = null;
        String reason;
        try {
            Class<?> sha = Class.forName(SHA_CLASS);
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(sha, MethodHandles.lookup());
            compress = lookup.findVirtual(sha, "implCompress", MethodType.methodType(void.class, byte[].class, int.class))
                    .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class));
            state = lookup.findGetter(sha, "state", int[].class)
                    .asType(MethodType.methodType(int[].class, Object.class));
            constructor = lookup.findConstructor(sha, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            reason = selfTest(compress, state, constructor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            reason = e.toString();
        }
        COMPRESS = compress;
        STATE = state;
        CONSTRUCTOR = constructor;
        UNAVAILABLE_REASON = reason;
    }

    /** Creates the kernel, which requires {@link #isAvailable()}. */
    public JdkCompressKernel() {
        if (UNAVAILABLE_REASON != null) {
            throw new IllegalStateException("kernel " + NAME + " is unavailable: " + UNAVAILABLE_REASON);
        }
    }

    /** Tells whether this JVM lets the kernel call the JDK's SHA-1 block function. */
    public static boolean isAvailable() {
        return UNAVAILABLE_REASON == null;
    }

    /** Returns the error that disabled the kernel, or null when it is available. */
    public static String unavailableReason() {
        return UNAVAILABLE_REASON;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    Scanner newScanner() {
        return new CompressScanner();
    }

    /** Returns null if the block function computes SHA-1("abc") right, otherwise what went wrong. */
    private static String selfTest(MethodHandle compress, MethodHandle stateGetter, MethodHandle constructor) {
        byte[] block = new byte[CandidateTemplate.BLOCK_BYTES];
        block[0] = 'a';
        block[1] = 'b';
        block[2] = 'c';
        block[3] = (byte) 0x80;
        block[63] = 24;
        int[] expected = {0xa9993e36, 0x4706816a, 0xba3e2571, 0x7850c26c, 0x9cd0d89d};
        try {
            Object sha = constructor.invokeExact();
            int[] state = (int[]) stateGetter.invokeExact(sha);
            System.arraycopy(Sha1Compression.INITIAL_STATE, 0, state, 0, 5);
            compress.invokeExact(sha, block, 0);
            if (!java.util.Arrays.equals(state, expected)) {
                return SHA_CLASS + ".implCompress returned a wrong digest for \"abc\"";
            }
            return null;
        } catch (Throwable e) {
            return e.toString();
        }
    }

    private static final class CompressScanner implements Scanner {
        private final byte[] block = new byte[2 * CandidateTemplate.BLOCK_BYTES];
        private final Object sha;
        private final int[] state;
        private CandidateTemplate template;

        CompressScanner() {
            try {
                sha = CONSTRUCTOR.invokeExact();
                state = (int[]) STATE.invokeExact(sha);
            } catch (Throwable e) {
                throw new IllegalStateException("failed to create " + SHA_CLASS, e);
            }
        }

        @Override
        public void load(CandidateTemplate template) {
            this.template = template;
            System.arraycopy(template.bytes, 0, block, 0, block.length);
        }

        @Override
        public int scan(int from, int to, int shift) {
            try {
                return scanRange(from, to, shift);
            } catch (Throwable e) {
                throw new IllegalStateException(SHA_CLASS + ".implCompress failed", e);
            }
        }

        private int scanRange(int from, int to, int shift) throws Throwable {
            CandidateTemplate run = template;
            byte[] digits = CandidateTemplate.LOW_DIGIT_BYTES;
            int[] startState = run.startState;
            int lowOffset = run.lowOffset;
            int firstOffset = run.firstBlock * CandidateTemplate.BLOCK_BYTES;
            boolean twoBlocks = run.lastBlock > run.firstBlock;
            for (int v = from; v < to; v++) {
                block[lowOffset] = digits[3 * v];
                block[lowOffset + 1] = digits[3 * v + 1];
                block[lowOffset + 2] = digits[3 * v + 2];
                System.arraycopy(startState, 0, state, 0, 5);
                COMPRESS.invokeExact(sha, block, firstOffset);
                if (twoBlocks) {
                    COMPRESS.invokeExact(sha, block, CandidateTemplate.BLOCK_BYTES);
                }
                if (state[0] >>> shift == 0) {
                    return v;
                }
            }
            return -1;
        }
    }
}
