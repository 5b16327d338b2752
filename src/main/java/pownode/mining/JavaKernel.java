package pownode.mining;

/**
 * The portable midstate kernel: the SHA-1 compression written in Java ({@link Sha1Compression})
 * on int words, one or two compressions per candidate and no allocation per candidate.
 */
public final class JavaKernel extends TemplateKernel {
    public static final String NAME = "java";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    Scanner newScanner() {
        return new JavaScanner();
    }

    private static final class JavaScanner implements Scanner {
        private final int[] words = new int[2 * CandidateTemplate.BLOCK_WORDS];
        private final int[] state = new int[5];
        private final int[] schedule = new int[80];
        private CandidateTemplate template;

        @Override
        public void load(CandidateTemplate template) {
            this.template = template;
            System.arraycopy(template.words, 0, words, 0, words.length);
        }

        @Override
        public int scan(int from, int to, int shift) {
            CandidateTemplate run = template;
            int[] startState = run.startState;
            int[] lowWordA = run.lowWordA;
            int[] lowWordB = run.lowWordB;
            int wordA = run.wordA;
            int wordB = run.wordB;
            int baseA = run.words[wordA];
            int baseB = run.words[wordB];
            int firstOffset = run.firstBlock * CandidateTemplate.BLOCK_WORDS;
            boolean twoBlocks = run.lastBlock > run.firstBlock;
            for (int v = from; v < to; v++) {
                words[wordA] = baseA | lowWordA[v];
                words[wordB] = baseB | lowWordB[v];
                System.arraycopy(startState, 0, state, 0, 5);
                Sha1Compression.compress(state, words, firstOffset, schedule);
                if (twoBlocks) {
                    Sha1Compression.compress(state, words, CandidateTemplate.BLOCK_WORDS, schedule);
                }
                if (state[0] >>> shift == 0) {
                    return v;
                }
            }
            return -1;
        }
    }
}
