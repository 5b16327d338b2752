package pownode.mining;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.ROL;
import static jdk.incubator.vector.VectorOperators.XOR;
import static pownode.mining.Sha1Compression.K0;
import static pownode.mining.Sha1Compression.K1;
import static pownode.mining.Sha1Compression.K2;
import static pownode.mining.Sha1Compression.K3;

/**
 * The midstate kernel in SIMD lanes: {@code IntVector.SPECIES_PREFERRED} consecutive counters
 * at once (16 with AVX-512, 8 with AVX2), one lane per candidate, through the Vector API
 * of the incubator module {@code jdk.incubator.vector}.
 *
 * <p>Only {@link Kernels} loads this class, by reflection and only after it found the module
 * in the boot layer, because the class fails to link without it. Start the JVM with
 * {@code --add-modules jdk.incubator.vector} to enable the kernel.
 */
final class VectorKernel extends TemplateKernel {
    static final String NAME = "vector";

    private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public String name() {
        return NAME;
    }

    /** Returns the number of candidates per SIMD step on this JVM and CPU. */
    static int lanes() {
        return LANES;
    }

    @Override
    Scanner newScanner() {
        return new VectorScanner();
    }

    private static final class VectorScanner implements Scanner {
        /** Message words of both blocks, transposed: word {@code w} of lane {@code i} at {@code w * LANES + i}. */
        private final int[] message = new int[2 * CandidateTemplate.BLOCK_WORDS * LANES];
        private final int[] schedule = new int[80 * LANES];
        /** Chaining value after the first of two blocks, transposed like {@link #message}. */
        private final int[] middleState = new int[5 * LANES];
        private final int[] outputState = new int[5 * LANES];
        private final int[] startState = new int[5 * LANES];
        /** Working variables a to e of the block being compressed, transposed like {@link #message}. */
        private final int[] working = new int[5 * LANES];
        private CandidateTemplate template;

        @Override
        public void load(CandidateTemplate template) {
            this.template = template;
            for (int w = 0; w < template.words.length; w++) {
                IntVector.broadcast(SPECIES, template.words[w]).intoArray(message, w * LANES);
            }
            for (int i = 0; i < 5; i++) {
                IntVector.broadcast(SPECIES, template.startState[i]).intoArray(startState, i * LANES);
            }
        }

        @Override
        public int scan(int from, int to, int shift) {
            CandidateTemplate run = template;
            int[] lowWordA = run.lowWordA;
            int[] lowWordB = run.lowWordB;
            int offsetA = run.wordA * LANES;
            int offsetB = run.wordB * LANES;
            int baseA = run.words[run.wordA];
            int baseB = run.words[run.wordB];
            int firstOffset = run.firstBlock * CandidateTemplate.BLOCK_WORDS * LANES;
            boolean twoBlocks = run.lastBlock > run.firstBlock;
            for (int v = from; v < to; v += LANES) {
                IntVector.fromArray(SPECIES, lowWordA, v).or(baseA).intoArray(message, offsetA);
                IntVector.fromArray(SPECIES, lowWordB, v).or(baseB).intoArray(message, offsetB);
                if (twoBlocks) {
                    compress(startState, message, firstOffset, middleState);
                    compress(middleState, message, CandidateTemplate.BLOCK_WORDS * LANES, outputState);
                } else {
                    compress(startState, message, firstOffset, outputState);
                }
                VectorMask<Integer> hits = IntVector.fromArray(SPECIES, outputState, 0)
                        .lanewise(LSHR, shift)
                        .compare(EQ, 0);
                if (v + LANES > to) {
                    // Lanes past the end of the range hashed counters of no candidate.
                    hits = hits.and(SPECIES.indexInRange(v, to));
                }
                if (hits.anyTrue()) {
                    return v + hits.firstTrue();
                }
            }
            return -1;
        }

        /**
         * Compresses one block per lane: {@code output = state + rounds(state, message block at offset)}.
         *
         * <p>The work is split into small methods on purpose. C2 stops inlining once a method's
         * graph reaches {@code NodeCountInliningCutoff}, and every Vector API call it does not
         * inline boxes its vectors, which made a fully unrolled version about 50 times slower.
         * For the same reason the round functions are written out instead of called as helpers.
         */
        private void compress(int[] state, int[] block, int offset, int[] output) {
            expandSchedule(block, offset);
            System.arraycopy(state, 0, working, 0, 5 * LANES);
            chooseRounds(0);
            parityRounds(20, K1);
            majorityRounds(40);
            parityRounds(60, K3);
            for (int i = 0; i < 5 * LANES; i += LANES) {
                IntVector.fromArray(SPECIES, working, i).add(IntVector.fromArray(SPECIES, state, i)).intoArray(output, i);
            }
        }

        /** Fills {@link #schedule} with the 80 words W(t) of the message block at {@code offset}. */
        private void expandSchedule(int[] block, int offset) {
            int[] w = schedule;
            System.arraycopy(block, offset, w, 0, 16 * LANES);
            for (int t = 16; t < 80; t++) {
                IntVector.fromArray(SPECIES, w, (t - 3) * LANES)
                        .lanewise(XOR, IntVector.fromArray(SPECIES, w, (t - 8) * LANES))
                        .lanewise(XOR, IntVector.fromArray(SPECIES, w, (t - 14) * LANES))
                        .lanewise(XOR, IntVector.fromArray(SPECIES, w, (t - 16) * LANES))
                        .lanewise(ROL, 1)
                        .intoArray(w, t * LANES);
            }
        }

        /** Runs rounds {@code first} to {@code first + 19} on {@link #working} with Ch(b, c, d), written as d ^ (b &amp; (c ^ d)). */
        private void chooseRounds(int first) {
            int[] w = schedule;
            int[] s = working;
            IntVector a = IntVector.fromArray(SPECIES, s, 0);
            IntVector b = IntVector.fromArray(SPECIES, s, LANES);
            IntVector c = IntVector.fromArray(SPECIES, s, 2 * LANES);
            IntVector d = IntVector.fromArray(SPECIES, s, 3 * LANES);
            IntVector e = IntVector.fromArray(SPECIES, s, 4 * LANES);
            for (int t = first; t < first + 20; t++) {
                IntVector temp = e.add(IntVector.fromArray(SPECIES, w, t * LANES).add(K0))
                        .add(d.lanewise(XOR, b.and(c.lanewise(XOR, d))))
                        .add(a.lanewise(ROL, 5));
                e = d;
                d = c;
                c = b.lanewise(ROL, 30);
                b = a;
                a = temp;
            }
            a.intoArray(s, 0);
            b.intoArray(s, LANES);
            c.intoArray(s, 2 * LANES);
            d.intoArray(s, 3 * LANES);
            e.intoArray(s, 4 * LANES);
        }

        /** Runs rounds {@code first} to {@code first + 19} on {@link #working} with Parity(b, c, d) and round constant {@code constant}. */
        private void parityRounds(int first, int constant) {
            int[] w = schedule;
            int[] s = working;
            IntVector a = IntVector.fromArray(SPECIES, s, 0);
            IntVector b = IntVector.fromArray(SPECIES, s, LANES);
            IntVector c = IntVector.fromArray(SPECIES, s, 2 * LANES);
            IntVector d = IntVector.fromArray(SPECIES, s, 3 * LANES);
            IntVector e = IntVector.fromArray(SPECIES, s, 4 * LANES);
            for (int t = first; t < first + 20; t++) {
                IntVector temp = e.add(IntVector.fromArray(SPECIES, w, t * LANES).add(constant))
                        .add(b.lanewise(XOR, c).lanewise(XOR, d))
                        .add(a.lanewise(ROL, 5));
                e = d;
                d = c;
                c = b.lanewise(ROL, 30);
                b = a;
                a = temp;
            }
            a.intoArray(s, 0);
            b.intoArray(s, LANES);
            c.intoArray(s, 2 * LANES);
            d.intoArray(s, 3 * LANES);
            e.intoArray(s, 4 * LANES);
        }

        /** Runs rounds {@code first} to {@code first + 19} on {@link #working} with Maj(b, c, d), written as (b &amp; c) | (d &amp; (b | c)). */
        private void majorityRounds(int first) {
            int[] w = schedule;
            int[] s = working;
            IntVector a = IntVector.fromArray(SPECIES, s, 0);
            IntVector b = IntVector.fromArray(SPECIES, s, LANES);
            IntVector c = IntVector.fromArray(SPECIES, s, 2 * LANES);
            IntVector d = IntVector.fromArray(SPECIES, s, 3 * LANES);
            IntVector e = IntVector.fromArray(SPECIES, s, 4 * LANES);
            for (int t = first; t < first + 20; t++) {
                IntVector temp = e.add(IntVector.fromArray(SPECIES, w, t * LANES).add(K2))
                        .add(b.and(c).or(d.and(b.or(c))))
                        .add(a.lanewise(ROL, 5));
                e = d;
                d = c;
                c = b.lanewise(ROL, 30);
                b = a;
                a = temp;
            }
            a.intoArray(s, 0);
            b.intoArray(s, LANES);
            c.intoArray(s, 2 * LANES);
            d.intoArray(s, 3 * LANES);
            e.intoArray(s, 4 * LANES);
        }
    }
}
