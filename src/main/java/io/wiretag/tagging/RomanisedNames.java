package io.wiretag.tagging;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether a word is a given name as English-language news romanises East Asian names, which put the family
 * name first ("Ye Zhaoying", "Kim Do Hoon", "Goh Chok Tong"): the name finder reads a run that opens with a
 * family name of its lists as a person only when every word after it is made of such syllables, so "Sun
 * Microsystems", "Song Contest" and "Pan Am" stay what they are.
 *
 * <p>Two readings: Hanyu Pinyin (the syllables of the standard table, without tones) for Chinese family
 * names, and a looser one for Korean (Revised and McCune-Reischauer), Cantonese, Hokkien and Vietnamese
 * romanisations: an initial consonant or cluster, a vowel group, and one of the final consonants those
 * languages allow, one syllable a word. A pinyin word is one to three syllables ("Zhaoying" is zhao-ying).
 */
final class RomanisedNames {
    private RomanisedNames() {
    }

    /** The syllables of Hanyu Pinyin, tones left out ("lv" and "lue" for lü and lüe). */
    private static final Set<String> PINYIN = new HashSet<>();

    static {
        String table = "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang"
                + " cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui"
                + " chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dian diao die ding diu"
                + " dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge"
                + " gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou"
                + " hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai"
                + " kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng"
                + " li lia lian liang liao lie lin ling liu long lou lu lv luan lue lun luo ma mai man mang mao me mei men"
                + " meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie"
                + " nin ning niu nong nou nu nuan nue nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po"
                + " pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou"
                + " ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi"
                + " shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te"
                + " teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian"
                + " xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue"
                + " yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu"
                + " zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo";
        for (String s : table.split(" ")) {
            PINYIN.add(s);
        }
    }

    private static final String[] INITIALS = {"ngh", "kk", "tt", "pp", "ss", "jj", "ch", "sh", "th", "tr", "ph", "kh",
        "nh", "ng", "gh", "gi", "qu", "hy", "ky", "gy", "my", "py", "ny", "ts", "g", "k", "n", "d", "t", "r", "l", "m",
        "b", "p", "s", "j", "h", "w", "y", "v", "x", "c", "f"};
    private static final String[] VOWELS = {"yeo", "yae", "wae", "ieu", "uoi", "uye", "oai", "ae", "ya", "eo", "ye",
        "wa", "oe", "yo", "wo", "we", "wi", "yu", "eu", "ui", "oo", "ee", "ou", "ua", "ai", "oi", "au", "ao", "ie", "uo",
        "uy", "ay", "oa", "ew", "a", "e", "i", "o", "u"};
    private static final String[] FINALS = {"ng", "nh", "ch", "ck", "k", "n", "t", "l", "m", "p", "g", "c"};

    /** Whether {@code text[from, to)} (letters only) is one to three pinyin syllables. */
    static boolean pinyin(String text, int from, int to) {
        return segments(text, from, to, true, 3);
    }

    /**
     * Whether {@code text[from, to)} is one syllable of the Korean, Cantonese or Vietnamese kind: those names
     * write each syllable as a word ("Do Hoon", "Chok Tong", "Van Thieu") or join two with a hyphen, which the
     * tokenizer splits ("Jae-in").
     */
    static boolean syllables(String text, int from, int to) {
        return segments(text, from, to, false, 1);
    }

    private static boolean segments(String text, int from, int to, boolean pinyin, int max) {
        if (to - from > 12 || to <= from) {
            return false;
        }
        String w = lower(text, from, to);
        if (w == null) {
            return false;
        }
        return split(w, 0, pinyin, max);
    }

    /** Whether w[at..] splits into at most {@code left} syllables. */
    private static boolean split(String w, int at, boolean pinyin, int left) {
        if (at == w.length()) {
            return true;
        }
        if (left == 0) {
            return false;
        }
        for (int end = Math.min(w.length(), at + 6); end > at; end--) {
            if ((pinyin ? PINYIN.contains(w.substring(at, end)) : syllable(w, at, end)) && split(w, end, pinyin, left - 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean syllable(String w, int from, int to) {
        int i = from;
        for (String s : INITIALS) {
            if (w.startsWith(s, i) && i + s.length() < to) {
                i += s.length();
                break;
            }
        }
        for (String v : VOWELS) {
            if (w.startsWith(v, i) && i + v.length() <= to) {
                int j = i + v.length();
                if (j == to) {
                    return true;
                }
                for (String f : FINALS) {
                    if (j + f.length() == to && w.startsWith(f, j)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The word in lower case, or null when it has anything but ASCII letters. */
    private static String lower(String text, int from, int to) {
        char[] out = new char[to - from];
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            } else if (c < 'a' || c > 'z') {
                return null;
            }
            out[k - from] = c;
        }
        return new String(out);
    }
}
