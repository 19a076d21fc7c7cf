/* hs-generate.c: a large, realistic, reproducible dataset for the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   hs-generate --seed S --predictions N --out DIR
 *
 * writes DIR/data.json in the exchange format (docs/exchange-format.md) and,
 * beside it, DIR/sqlite/: the very same rows as CSV files shaped like the
 * store's tables, with DIR/sqlite/load.sql, a script for SQLite's own shell
 * that creates the store's schema (taken from an empty store this build
 * makes) and loads the CSV files into it in one transaction. Loading that
 * is the reference the benchmark compares Hindsight's import with: same
 * rows, same indexes, same foreign keys, same full-text triggers.
 *
 * What "N predictions" means: N prediction claims, plus N/5 plain claims
 * (claims that are not predictions), N/100 speakers and N/50 sources, and
 * the 22 topics of the bundled dataset. About a third of the predictions
 * carry a probability, about half have a resolution history (one entry, or
 * two for a quarter of those), and one claim in a hundred is related to
 * another. Text mixes English and Chinese; a third of the claims carry a
 * Chinese original.
 *
 * The same seed and N give byte-identical files: every choice comes from
 * one GRand seeded with S, and nothing depends on the clock or on hash
 * table order. Resolutions carry their own ids and record times, as an
 * export does, so the CSV files can hold exactly what the importer stores.
 */

#define G_LOG_DOMAIN "hs-generate"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "hindsight-core.h"

/* Resolutions never fall after this day: it is the "today" the test suite
 * and the benchmark pin with HINDSIGHT_TODAY. */
#define TODAY_TEXT "2026-11-22"

/* Sources are dated from the first of these days to the second. */
#define FIRST_DAY_TEXT "2024-01-01"
#define LAST_DAY_TEXT  "2026-10-31"

/* ---------------------------------------------------------------------- */
/* Word lists                                                              */

/* The topics of the bundled dataset (data/dataset/parts/00-topics.json). */
static const struct { const char *id, *name, *zh; } topics[] = {
  { "scaling", "Scaling", "规模化" },
  { "pretraining", "Pretraining and data", "预训练与数据" },
  { "rl", "Reinforcement learning", "强化学习" },
  { "reasoning", "Reasoning", "推理" },
  { "long-context", "Long context", "长上下文" },
  { "agents", "Agents", "智能体" },
  { "coding", "Coding", "编程" },
  { "memory", "Memory and continual learning", "记忆与持续学习" },
  { "multimodality", "Multimodality", "多模态" },
  { "open-source", "Open source", "开源" },
  { "compute", "Compute and chips", "算力与芯片" },
  { "china-us", "China and the US", "中美对比" },
  { "ai-research", "AI doing AI research", "AI 主导的研究" },
  { "ai-for-science", "AI for science", "AI for Science" },
  { "robotics", "Robotics and embodiment", "机器人与具身智能" },
  { "business-models", "Business models and products", "商业模式与产品" },
  { "research-culture", "Research culture and talent", "研究文化与人才" },
  { "safety-governance", "Safety and governance", "安全与治理" },
  { "efficiency", "Efficiency and architecture", "效率与架构" },
  { "evaluation", "Evaluation and benchmarks", "评测与基准" },
  { "agi", "AGI and paradigms", "AGI 与范式" },
  { "work", "Work and jobs", "工作与就业" },
};

/* Romanized surnames with their characters: names are told apart by id,
 * and this short list makes shared names as common as they are in life. */
static const struct { const char *latin, *han; } surnames[] = {
  { "Wang", "王" }, { "Li", "李" }, { "Zhang", "张" }, { "Liu", "刘" }, { "Chen", "陈" },
  { "Yang", "杨" }, { "Huang", "黄" }, { "Zhao", "赵" }, { "Wu", "吴" }, { "Zhou", "周" },
  { "Xu", "徐" }, { "Sun", "孙" }, { "Ma", "马" }, { "Zhu", "朱" }, { "Hu", "胡" },
  { "Guo", "郭" }, { "He", "何" }, { "Lin", "林" }, { "Gao", "高" }, { "Luo", "罗" },
  { "Zheng", "郑" }, { "Liang", "梁" }, { "Xie", "谢" }, { "Song", "宋" }, { "Tang", "唐" },
  { "Han", "韩" }, { "Feng", "冯" }, { "Deng", "邓" }, { "Cao", "曹" }, { "Peng", "彭" },
  { "Yao", "姚" }, { "Shen", "沈" }, { "Jiang", "蒋" }, { "Cai", "蔡" }, { "Pan", "潘" },
  { "Du", "杜" }, { "Dai", "戴" }, { "Xia", "夏" }, { "Zhong", "钟" }, { "Tian", "田" },
};

static const struct { const char *latin, *han; } syllables[] = {
  { "wei", "伟" }, { "ming", "明" }, { "jie", "杰" }, { "hua", "华" }, { "jun", "俊" },
  { "yang", "洋" }, { "hao", "浩" }, { "yu", "宇" }, { "xin", "欣" }, { "lin", "麟" },
  { "zhi", "植" }, { "qiang", "强" }, { "lei", "磊" }, { "tao", "涛" }, { "bo", "博" },
  { "chen", "晨" }, { "yi", "毅" }, { "shun", "顺" }, { "jia", "佳" }, { "ting", "婷" },
  { "fang", "芳" }, { "li", "丽" }, { "jing", "静" }, { "rui", "睿" }, { "kai", "凯" },
  { "zhen", "振" }, { "hong", "宏" }, { "guang", "光" }, { "qing", "清" }, { "xiao", "晓" },
  { "yun", "云" }, { "feng", "峰" }, { "ning", "宁" }, { "an", "安" }, { "tian", "天" },
  { "han", "涵" }, { "xuan", "轩" }, { "yue", "悦" }, { "zi", "子" }, { "mi", "米" },
};

static const char *western_first[] = {
  "Alice", "Daniel", "Maria", "James", "Sofia", "Thomas", "Emma", "Lukas", "Hannah", "Noah",
  "Chloe", "Pierre", "Anna", "Marco", "Laura", "Samuel", "Julia", "Oliver", "Nadia", "Ethan",
};

static const char *western_last[] = {
  "Moreau", "Fischer", "Russo", "Novak", "Schmidt", "Bennett", "Keller", "Lopez", "Walsh",
  "Nakamura", "Okafor", "Larsen", "Dubois", "Costa", "Patel", "Meyer", "Kowalski", "Hughes",
};

static const char *organizations[] = {
  "Northstar Labs", "Qingyun AI", "Harbor Research", "Tsinghua University", "Peking University",
  "Zhejiang University", "Stanford University", "Shanghai AI Lab", "Lumen Robotics",
  "Redwood Compute", "Baiyun Intelligence", "Open Frontier Institute", "Kestrel Capital",
  "Meridian Semiconductors", "Xihu Models", "Polaris Agents",
};

static const char *roles[] = {
  "Founder and CEO", "Chief Scientist", "Research Scientist", "Professor", "Partner",
  "Head of Research", "CTO", "Engineer", "Product Lead", "Investor",
};

static const char *publishers[] = {
  "ChinaTalk", "ZhenFund", "Latent Space", "Zhang Xiaojun Podcast", "Tencent Tech", "36Kr",
  "Caixin", "Jiqizhixin 机器之心", "Synced", "LatePost 晚点", "Geek Park 极客公园",
  "The Gradient", "Import AI",
};

static const char *events[] = {
  "AGI-Next", "World AI Conference", "Zhongguancun Forum", "Beijing Academy of AI Conference",
  "Global AI Summit", "Open Source Day", "Robotics Week", "Compute Summit",
};

/* A subject a claim is about, the topic it belongs to, and whether it reads
 * as plural (for the verb of a plain claim). */
static const struct { const char *text; const char *topic; } subjects[] = {
  { "open-source models", "open-source" },
  { "open-weight Chinese models", "open-source" },
  { "reinforcement learning", "rl" },
  { "reinforcement learning from verifiable rewards", "rl" },
  { "AI agents", "agents" },
  { "coding agents", "coding" },
  { "long-context models", "long-context" },
  { "million-token context windows", "long-context" },
  { "pretraining on synthetic data", "pretraining" },
  { "scaling laws", "scaling" },
  { "frontier training runs", "scaling" },
  { "reasoning models", "reasoning" },
  { "test-time compute", "reasoning" },
  { "domestic AI chips", "compute" },
  { "GPU export controls", "compute" },
  { "Chinese labs", "china-us" },
  { "the gap between Chinese and US labs", "china-us" },
  { "automated AI research", "ai-research" },
  { "AI for science", "ai-for-science" },
  { "humanoid robots", "robotics" },
  { "embodied agents", "robotics" },
  { "subscription chatbots", "business-models" },
  { "API prices", "business-models" },
  { "research talent", "research-culture" },
  { "safety evaluations", "safety-governance" },
  { "mixture-of-experts architectures", "efficiency" },
  { "small on-device models", "efficiency" },
  { "public benchmarks", "evaluation" },
  { "AGI", "agi" },
  { "white-collar jobs", "work" },
  { "multimodal models", "multimodality" },
  { "video generation models", "multimodality" },
  { "continual learning", "memory" },
  { "long-term memory for assistants", "memory" },
};

static const char *predicates[] = {
  "will overtake closed models on most benchmarks",
  "will become the default way to train frontier models",
  "will cut inference costs by a factor of ten",
  "will handle multi-day tasks without supervision",
  "will be commoditised",
  "will close most of the remaining gap",
  "will hit a data wall",
  "will write most production code",
  "will replace a large share of entry-level work",
  "will matter more than parameter count",
  "will run well on phones",
  "will be the main bottleneck",
  "will stop improving on today's benchmarks",
  "will produce a publishable result on its own",
  "will need a new paradigm",
  "will become profitable",
  "will be regulated like utilities",
  "will saturate",
};

static const char *statements[] = {
  "the bottleneck is data quality rather than compute",
  "most of the progress last year came from post-training",
  "the team now spends more compute on RL than on pretraining",
  "evaluation is harder than it looks from the outside",
  "the open community moves faster than any single lab",
  "costs fell by more than half in a year",
  "hiring the right people is the hardest part",
  "the hardest problems are engineering, not research",
  "users care about reliability far more than about benchmark scores",
  "the lab made a deliberate bet that others have since copied",
};

/* Chinese terms that text in English mentions, with what they mean. */
static const struct { const char *zh, *gloss; } terms[] = {
  { "强化学习", "reinforcement learning" }, { "范式转移", "a paradigm shift" },
  { "数据飞轮", "the data flywheel" }, { "智能体", "agents" }, { "长上下文", "long context" },
  { "开源生态", "the open-source ecosystem" }, { "算力瓶颈", "the compute bottleneck" },
  { "推理成本", "inference cost" }, { "具身智能", "embodied intelligence" },
  { "预训练", "pretraining" }, { "中美差距", "the China–US gap" },
  { "芯片出口管制", "chip export controls" }, { "商业化落地", "commercial deployment" },
  { "模型即产品", "the model as the product" }, { "自我进化", "self-improvement" },
  { "通用人工智能", "AGI" }, { "多模态", "multimodality" }, { "评测基准", "benchmarks" },
  { "人才密度", "talent density" }, { "技术品味", "research taste" },
};

static const char *zh_subjects[] = {
  "开源模型", "强化学习", "智能体", "长上下文模型", "国产芯片", "推理模型", "大模型的预训练",
  "具身智能", "编程智能体", "多模态模型", "中国的实验室", "自动化的 AI 研究",
};

static const char *zh_predicates[] = {
  "会在一年内追上闭源模型", "会成为新的范式", "的成本会下降一个数量级", "会改变软件开发的方式",
  "很快会遇到数据瓶颈", "会先在企业场景落地", "还需要新的技术突破", "会在三年内普及",
};

static const char *zh_times[] = { "今年", "明年", "未来三到五年", "十年之内", "短期内", "接下来几个月" };

static const char *zh_problems[] = { "数据质量", "算力", "评测", "人才", "商业化", "工程能力" };

static const char *confidences[] = {
  "very high probability", "I'm fairly sure", "maybe", "almost certainly", "非常有可能",
  "I would bet on it", "unlikely but possible", "大概率",
};

static const char *evidence_texts[] = {
  "Announced in a press release from the lab.",
  "Reported by several outlets the same week.",
  "The public leaderboard shows it.",
  "Only partly: the release covered some of what was said.",
  "A follow-up interview says the plan was dropped.",
  "官方发布会上已经宣布。",
  "The numbers in the quarterly report settle it.",
  "Hard to tell: the claim was vague and the evidence is mixed.",
};

static const char *free_horizons[] = {
  "before the next model generation", "when compute gets cheap enough",
  "once agents are trusted with money", "after the next big chip node",
};

/* ---------------------------------------------------------------------- */
/* The generator                                                           */

enum
{
  CSV_SPEAKERS,
  CSV_SPEAKER_ALIASES,
  CSV_AFFILIATIONS,
  CSV_SOURCES,
  CSV_TOPICS,
  CSV_TOPIC_TRANSLATIONS,
  CSV_CLAIMS,
  CSV_CLAIM_TOPICS,
  CSV_RELATIONS,
  CSV_PREDICTIONS,
  CSV_RESOLUTIONS,
  N_CSV
};

/* Each CSV file: its name, the table it fills, its columns, and which of
 * them are NULL when empty (SQLite's shell reads an empty field as ''). */
static const struct { const char *name, *table, *columns; const char *nullable; } csv_files[N_CSV] = {
  [CSV_SPEAKERS] = { "speakers", "speakers", "id,name,native_name,bio", "0011" },
  [CSV_SPEAKER_ALIASES] = { "speaker_aliases", "speaker_aliases", "speaker_id,position,alias", NULL },
  [CSV_AFFILIATIONS] = { "affiliations", "affiliations",
                         "speaker_id,position,organization,role,date_from,date_to", "000111" },
  [CSV_SOURCES] = { "sources", "sources",
                    "id,title,kind,publisher,url,published,date_note,event,event_date,language,notes",
                    "00011111111" },
  [CSV_TOPICS] = { "topics", "topics", "id,name", NULL },
  [CSV_TOPIC_TRANSLATIONS] = { "topic_translations", "topic_translations", "topic_id,language,name", NULL },
  [CSV_CLAIMS] = { "claims", "claims",
                   "id,speaker_id,source_id,text,quote,original_text,original_language,locator,"
                   "stated_on,stated_day", "0011111100" },
  [CSV_CLAIM_TOPICS] = { "claim_topics", "claim_topics", "claim_id,position,topic_id", NULL },
  [CSV_RELATIONS] = { "relations", "relations", "claim_id,position,kind,other_id,note", "00001" },
  [CSV_PREDICTIONS] = { "predictions", "predictions",
                        "claim_id,horizon,earliest,latest,due_day,probability,confidence,speaker_id",
                        "00011110" },
  [CSV_RESOLUTIONS] = { "resolutions", "resolutions",
                        "id,claim_id,status,on_date,on_day,evidence,url,recorded_at", "00000110" },
};

typedef struct
{
  char   *id;
  char   *name;
} Speaker;

typedef struct
{
  char    id[16];
  HsDate  date;          /* the date its claims default to */
  guint   speakers[4];
  guint   n_speakers;
  HsSourceKind kind;
} Source;

typedef struct
{
  GRand         *rand;
  guint          n_predictions;
  guint          n_plain;
  guint          n_speakers;
  guint          n_sources;

  HsJsonWriter  *json;
  HsCsvWriter   *csv[N_CSV];
  GOutputStream *streams[N_CSV + 1];

  Speaker       *speakers;
  Source        *sources;
  HsDate         first_day;
  int            n_days;
  HsDate         today;

  /* What was written, for the manifest. */
  guint          claims_written;
  guint          predictions_written;
  guint          with_probability;
  guint          with_confidence;
  guint          resolved;
  guint          resolutions;
  guint          relations;
  guint          with_original;
  guint          explicit_windows;
} Gen;

static guint
pick (Gen  *gen,
      guint n)
{
  return (guint) g_rand_int_range (gen->rand, 0, (gint32) n);
}

static gboolean
chance (Gen    *gen,
        double  p)
{
  return g_rand_double (gen->rand) < p;
}

#define PICK(gen, array) ((array)[pick ((gen), G_N_ELEMENTS (array))])

static HsDate
parse_day (const char *text)
{
  HsDate date = { 0 };

  if (!hs_date_parse (text, &date, NULL))
    g_error ("bad built-in date %s", text);
  return date;
}

static void
csv_int (HsCsvWriter *csv,
         guint        value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%u", value);
  hs_csv_writer_field (csv, buf);
}

static void
csv_date (HsCsvWriter  *csv,
          const HsDate *date)
{
  char buf[HS_DATE_BUFSIZE];

  hs_csv_writer_field (csv, hs_date_is_set (date) ? hs_date_to_buffer (date, buf) : NULL);
}

/* As the store keeps a day: the first (or last) day of the period, exact. */
static void
csv_day (HsCsvWriter  *csv,
         const HsDate *date,
         gboolean      last)
{
  HsDate day;

  if (!hs_date_is_set (date))
    {
      hs_csv_writer_field (csv, NULL);
      return;
    }
  day = last ? hs_date_last_day (date) : hs_date_first_day (date);
  csv_date (csv, &day);
}

static void
json_date (Gen          *gen,
           const char   *member,
           const HsDate *date)
{
  char buf[HS_DATE_BUFSIZE];

  hs_json_writer_member_string (gen->json, member, hs_date_to_buffer (date, buf));
}

static HsDate
random_day (Gen *gen)
{
  return hs_date_add_days (&gen->first_day, (int) pick (gen, (guint) gen->n_days + 1));
}

/* A day from @from to @to, both included. */
static HsDate
day_between (Gen          *gen,
             const HsDate *from,
             const HsDate *to)
{
  int span = hs_date_days_between (from, to);

  if (span <= 0)
    return *from;
  return hs_date_add_days (from, (int) pick (gen, (guint) span + 1));
}

static char *
capitalize (const char *text)
{
  char *copy = g_strdup (text);

  copy[0] = g_ascii_toupper (copy[0]);
  return copy;
}

/* ---------------------------------------------------------------------- */
/* Speakers                                                                */

static void
write_speaker (Gen   *gen,
               guint  index)
{
  HsCsvWriter *csv = gen->csv[CSV_SPEAKERS];
  Speaker *speaker = &gen->speakers[index];
  g_autofree char *native = NULL;
  g_autofree char *alias = NULL;
  g_autofree char *bio = NULL;
  const char *organization = PICK (gen, organizations);
  const char *role = PICK (gen, roles);
  gboolean chinese = chance (gen, 0.8);
  guint n_affiliations = 1 + pick (gen, 2);

  speaker->id = g_strdup_printf ("spk-%06u", index + 1);
  if (chinese)
    {
      guint s = pick (gen, G_N_ELEMENTS (surnames));
      guint g1 = pick (gen, G_N_ELEMENTS (syllables));
      gboolean two = chance (gen, 0.7);
      guint g2 = pick (gen, G_N_ELEMENTS (syllables));
      g_autofree char *given = g_strconcat (syllables[g1].latin, two ? syllables[g2].latin : "", NULL);
      g_autofree char *given_cap = capitalize (given);

      speaker->name = g_strdup_printf ("%s %s", surnames[s].latin, given_cap);
      native = g_strconcat (surnames[s].han, syllables[g1].han, two ? syllables[g2].han : "", NULL);
      if (chance (gen, 0.5))
        alias = g_strdup_printf ("%s %s", given_cap, surnames[s].latin);
    }
  else
    speaker->name = g_strdup_printf ("%s %s", PICK (gen, western_first), PICK (gen, western_last));

  bio = g_strdup_printf ("%s at %s, who speaks often about %s and about %s.", role, organization,
                         PICK (gen, subjects).text, PICK (gen, subjects).text);

  hs_json_writer_begin_object (gen->json);
  hs_json_writer_member_string (gen->json, "id", speaker->id);
  hs_json_writer_member_string (gen->json, "name", speaker->name);
  if (native != NULL)
    hs_json_writer_member_string (gen->json, "native_name", native);
  if (alias != NULL)
    {
      hs_json_writer_member (gen->json, "aliases");
      hs_json_writer_begin_array (gen->json);
      hs_json_writer_string (gen->json, alias);
      hs_json_writer_end_array (gen->json);
    }
  hs_json_writer_member_string (gen->json, "bio", bio);

  hs_csv_writer_field (csv, speaker->id);
  hs_csv_writer_field (csv, speaker->name);
  hs_csv_writer_field (csv, native);
  hs_csv_writer_field (csv, bio);
  hs_csv_writer_end_row (csv);

  if (alias != NULL)
    {
      csv = gen->csv[CSV_SPEAKER_ALIASES];
      hs_csv_writer_field (csv, speaker->id);
      csv_int (csv, 0);
      hs_csv_writer_field (csv, alias);
      hs_csv_writer_end_row (csv);
    }

  hs_json_writer_member (gen->json, "affiliations");
  hs_json_writer_begin_array (gen->json);
  csv = gen->csv[CSV_AFFILIATIONS];
  for (guint i = 0; i < n_affiliations; i++)
    {
      /* The current position first, then an earlier one that ended. */
      HsDate from = hs_date_new_year (2010 + pick (gen, 15));
      HsDate to = { 0 };
      const char *org = i == 0 ? organization : PICK (gen, organizations);
      const char *what = i == 0 ? role : PICK (gen, roles);

      if (i > 0)
        {
          to = hs_date_new_year (2015 + pick (gen, 8));
          from = hs_date_new_year (to.year - 1 - pick (gen, 5));
          to.approximate = chance (gen, 0.3);
        }
      from.approximate = chance (gen, 0.2);

      hs_json_writer_begin_object (gen->json);
      hs_json_writer_member_string (gen->json, "organization", org);
      hs_json_writer_member_string (gen->json, "role", what);
      json_date (gen, "from", &from);
      if (hs_date_is_set (&to))
        json_date (gen, "to", &to);
      hs_json_writer_end_object (gen->json);

      hs_csv_writer_field (csv, speaker->id);
      csv_int (csv, i);
      hs_csv_writer_field (csv, org);
      hs_csv_writer_field (csv, what);
      csv_date (csv, &from);
      csv_date (csv, &to);
      hs_csv_writer_end_row (csv);
    }
  hs_json_writer_end_array (gen->json);
  hs_json_writer_end_object (gen->json);
}

/* ---------------------------------------------------------------------- */
/* Sources                                                                 */

static void
write_source (Gen   *gen,
              guint  index)
{
  static const HsSourceKind kinds[] = {
    HS_SOURCE_KIND_TALK, HS_SOURCE_KIND_PANEL, HS_SOURCE_KIND_PODCAST, HS_SOURCE_KIND_PODCAST,
    HS_SOURCE_KIND_INTERVIEW, HS_SOURCE_KIND_INTERVIEW, HS_SOURCE_KIND_ARTICLE,
    HS_SOURCE_KIND_ARTICLE, HS_SOURCE_KIND_NEWSLETTER, HS_SOURCE_KIND_POST,
  };
  HsCsvWriter *csv = gen->csv[CSV_SOURCES];
  Source *source = &gen->sources[index];
  HsSourceKind kind = PICK (gen, kinds);
  gboolean at_event = kind == HS_SOURCE_KIND_TALK || kind == HS_SOURCE_KIND_PANEL;
  gboolean zh = chance (gen, 0.4);
  HsDate day = random_day (gen);
  HsDate published = day, event_date = { 0 };
  const char *publisher = at_event ? NULL : PICK (gen, publishers);
  g_autofree char *title = NULL;
  g_autofree char *event = NULL;
  g_autofree char *url = NULL;
  g_autofree char *date_note = NULL;
  g_autofree char *notes = NULL;
  double precision = g_rand_double (gen->rand);
  const char *topic_name = PICK (gen, topics).name;

  g_snprintf (source->id, sizeof source->id, "src-%06u", index + 1);
  source->kind = kind;
  source->n_speakers = kind == HS_SOURCE_KIND_PANEL ? 2 + pick (gen, 3) : 1 + pick (gen, 2);
  source->n_speakers = MIN (source->n_speakers, gen->n_speakers);
  for (guint i = 0; i < source->n_speakers; i++)
    {
      gboolean again;

      /* Distinct speakers: a claim id names its source and speaker. */
      do
        {
          source->speakers[i] = pick (gen, gen->n_speakers);
          again = FALSE;
          for (guint j = 0; j < i; j++)
            again |= source->speakers[j] == source->speakers[i];
        }
      while (again);
    }

  /* Most sources are dated to the day; some to the month; a few only
   * approximately, with a note saying how the date was inferred. */
  if (precision >= 0.75)
    {
      published = hs_date_new_month (day.year, day.month);
      if (precision >= 0.95)
        {
          published.approximate = TRUE;
          date_note = g_strdup_printf ("No date is printed; the month is inferred from the events "
                                       "it mentions (%s), so it may be a month off.",
                                       PICK (gen, subjects).text);
        }
    }

  if (at_event)
    {
      event = g_strdup_printf ("%s %u", PICK (gen, events), (guint) day.year);
      event_date = published;
      /* The recording goes up a few days after the event. */
      if (published.precision == HS_DATE_PRECISION_DAY && chance (gen, 0.5))
        published = hs_date_add_days (&day, 1 + (int) pick (gen, 10));
      else if (chance (gen, 0.5))
        published = (HsDate) { 0 };
    }
  source->date = hs_date_is_set (&event_date) ? event_date : published;

  if (zh)
    title = g_strdup_printf ("关于%s的对话：%s", PICK (gen, terms).zh, PICK (gen, zh_subjects));
  else if (at_event)
    title = g_strdup_printf ("%s: %s on %s", event,
                             kind == HS_SOURCE_KIND_PANEL ? "panel" : "keynote", topic_name);
  else
    {
      g_autofree char *subject = capitalize (PICK (gen, subjects).text);
      title = g_strdup_printf ("%s and %s, %u: %s with %s", subject, PICK (gen, subjects).text,
                               (guint) day.year, hs_source_kind_to_string (kind),
                               gen->speakers[source->speakers[0]].name);
    }
  if (chance (gen, 0.8))
    url = g_strdup_printf ("https://example.org/%s/%s", hs_source_kind_to_string (kind), source->id);
  if (chance (gen, 0.1))
    notes = g_strdup ("A translation of the original Chinese transcript, abridged by the publisher.");

  hs_json_writer_begin_object (gen->json);
  hs_json_writer_member_string (gen->json, "id", source->id);
  hs_json_writer_member_string (gen->json, "title", title);
  hs_json_writer_member_string (gen->json, "kind", hs_source_kind_to_string (kind));
  if (publisher != NULL)
    hs_json_writer_member_string (gen->json, "publisher", publisher);
  if (url != NULL)
    hs_json_writer_member_string (gen->json, "url", url);
  if (hs_date_is_set (&published))
    json_date (gen, "published", &published);
  if (date_note != NULL)
    hs_json_writer_member_string (gen->json, "date_note", date_note);
  if (event != NULL)
    hs_json_writer_member_string (gen->json, "event", event);
  if (hs_date_is_set (&event_date))
    json_date (gen, "event_date", &event_date);
  hs_json_writer_member_string (gen->json, "language", zh ? "zh" : "en");
  if (notes != NULL)
    hs_json_writer_member_string (gen->json, "notes", notes);
  hs_json_writer_end_object (gen->json);

  hs_csv_writer_field (csv, source->id);
  hs_csv_writer_field (csv, title);
  hs_csv_writer_field (csv, hs_source_kind_to_string (kind));
  hs_csv_writer_field (csv, publisher);
  hs_csv_writer_field (csv, url);
  csv_date (csv, &published);
  hs_csv_writer_field (csv, date_note);
  hs_csv_writer_field (csv, event);
  csv_date (csv, &event_date);
  hs_csv_writer_field (csv, zh ? "zh" : "en");
  hs_csv_writer_field (csv, notes);
  hs_csv_writer_end_row (csv);
}

static void
write_topics (Gen *gen)
{
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      hs_json_writer_begin_object (gen->json);
      hs_json_writer_member_string (gen->json, "id", topics[i].id);
      hs_json_writer_member_string (gen->json, "name", topics[i].name);
      hs_json_writer_member (gen->json, "translations");
      hs_json_writer_begin_object (gen->json);
      hs_json_writer_member_string (gen->json, "zh", topics[i].zh);
      hs_json_writer_end_object (gen->json);
      hs_json_writer_end_object (gen->json);

      hs_csv_writer_field (gen->csv[CSV_TOPICS], topics[i].id);
      hs_csv_writer_field (gen->csv[CSV_TOPICS], topics[i].name);
      hs_csv_writer_end_row (gen->csv[CSV_TOPICS]);
      hs_csv_writer_field (gen->csv[CSV_TOPIC_TRANSLATIONS], topics[i].id);
      hs_csv_writer_field (gen->csv[CSV_TOPIC_TRANSLATIONS], "zh");
      hs_csv_writer_field (gen->csv[CSV_TOPIC_TRANSLATIONS], topics[i].zh);
      hs_csv_writer_end_row (gen->csv[CSV_TOPIC_TRANSLATIONS]);
    }
}

/* ---------------------------------------------------------------------- */
/* Claims                                                                  */

/* A horizon as people say it, chosen for a claim stated on @stated. Every
 * one is a form of the table in docs/exchange-format.md; the dynamic ones
 * name years after the stated one, as "in 2020" said in 2026 is refused. */
static char *
choose_horizon (Gen          *gen,
                const HsDate *stated)
{
  static const char *fixed[] = {
    "this year", "by the end of this year", "next year", "this month", "this quarter",
    "next month", "next quarter", "next 4 months", "within 6 months", "in the next three months",
    "6–12 months", "next 6-12 months", "3 to 5 years", "2-3 years", "next few months",
    "next few years", "within a decade", "this decade", "within a generation", "within a year",
    "within two years", "next 18 months", "future", "long term", "eventually", "unspecified",
  };
  guint year = stated->year;

  switch (pick (gen, 10))
    {
    case 0:
      return g_strdup_printf ("in %u", year + 1 + pick (gen, 2));
    case 1:
      return g_strdup_printf ("by %u", year + 1 + pick (gen, 6));
    case 2:
      return g_strdup_printf (chance (gen, 0.5) ? "by the end of %u" : "before %u",
                              year + 2 + pick (gen, 5));
    default:
      return g_strdup (PICK (gen, fixed));
    }
}

/* Text between 60 and 300 characters: a main sentence, then remarks until
 * the length is reached, never past 300. */
static char *
compose_text (Gen        *gen,
              const char *main_sentence,
              const char *subject_topic)
{
  GString *text = g_string_new (main_sentence);
  guint wanted = 60 + pick (gen, 200);

  for (guint tries = 0; tries < 8 && (guint) g_utf8_strlen (text->str, -1) < wanted; tries++)
    {
      guint term = pick (gen, G_N_ELEMENTS (terms));
      g_autofree char *remark = NULL;

      switch (pick (gen, 8))
        {
        case 0:
          remark = g_strdup_printf (" He describes this as a %s problem rather than a compute problem.",
                                    terms[term].zh);
          break;
        case 1:
          remark = g_strdup_printf (" The key, he says, is %s (%s), not raw scale.", terms[term].gloss,
                                    terms[term].zh);
          break;
        case 2:
          remark = g_strdup_printf (" In Chinese he put it as “%s%s”.", PICK (gen, zh_subjects),
                                    PICK (gen, zh_predicates));
          break;
        case 3:
          remark = g_strdup_printf (" The argument rests on %s.", terms[term].gloss);
          break;
        case 4:
          remark = g_strdup_printf (" He expects %s to follow within a year or two.", PICK (gen, subjects).text);
          break;
        case 5:
          remark = g_strdup_printf (" Asked about %s, he was more cautious.", PICK (gen, subjects).text);
          break;
        case 6:
          remark = g_strdup_printf (" The remark came during a discussion of %s (%s).",
                                    subject_topic, terms[term].zh);
          break;
        default:
          remark = g_strdup (" He repeated the point later in the conversation, with more caveats.");
          break;
        }
      if ((guint) g_utf8_strlen (text->str, -1) + (guint) g_utf8_strlen (remark, -1) > 300)
        break;
      g_string_append (text, remark);
    }

  if (g_utf8_strlen (text->str, -1) < 60)
    g_string_append (text, " He said so plainly, and the audience pushed back.");
  return g_string_free (text, FALSE);
}

static const char *
topic_name_of (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (strcmp (topics[i].id, id) == 0)
      return topics[i].name;
  return id;
}

static void
write_resolutions (Gen          *gen,
                   const char   *claim_id,
                   const HsDate *stated,
                   const HsDate *earliest,
                   const HsDate *latest)
{
  static const HsStatus first_statuses[] = {
    HS_STATUS_CONFIRMED, HS_STATUS_CONFIRMED, HS_STATUS_CONFIRMED, HS_STATUS_CONFIRMED,
    HS_STATUS_CONFIRMED, HS_STATUS_CONFIRMED, HS_STATUS_CONFIRMED, HS_STATUS_PARTIAL,
    HS_STATUS_PARTIAL, HS_STATUS_PARTIAL, HS_STATUS_REFUTED, HS_STATUS_REFUTED, HS_STATUS_REFUTED,
    HS_STATUS_REFUTED, HS_STATUS_REFUTED, HS_STATUS_REFUTED, HS_STATUS_REFUTED, HS_STATUS_AMBIGUOUS,
    HS_STATUS_AMBIGUOUS, HS_STATUS_AMBIGUOUS,
  };
  static const HsStatus later_statuses[] = {
    HS_STATUS_CONFIRMED, HS_STATUS_REFUTED, HS_STATUS_PARTIAL, HS_STATUS_OPEN,
  };
  HsCsvWriter *csv = gen->csv[CSV_RESOLUTIONS];
  HsDate stated_first = hs_date_first_day (stated);
  HsDate lo = hs_date_add_days (&stated_first, 7);
  HsDate hi = gen->today;
  HsDate previous = { 0 };
  guint n = chance (gen, 0.25) ? 2 : 1;

  /* The first entry falls in the resolve window when it has come, or
   * somewhat after; any time after the claim otherwise. */
  if (hs_date_compare (earliest, &lo) > 0 && hs_date_compare (earliest, &gen->today) <= 0)
    lo = *earliest;
  if (hs_date_is_set (latest))
    {
      HsDate late = hs_date_add_days (latest, 60);
      if (hs_date_compare (&late, &hi) < 0)
        hi = late;
    }
  if (hs_date_compare (&lo, &hi) > 0)
    {
      lo = hs_date_add_days (&stated_first, 1);
      hi = gen->today;
    }

  hs_json_writer_member (gen->json, "resolutions");
  hs_json_writer_begin_array (gen->json);
  for (guint i = 0; i < n; i++)
    {
      HsStatus status = i == 0 ? PICK (gen, first_statuses) : PICK (gen, later_statuses);
      HsDate on = i == 0 ? day_between (gen, &lo, &hi) : day_between (gen, &previous, &gen->today);
      HsDate recorded_day;
      g_autofree char *id = g_strdup_printf ("r-%s-%u", claim_id, i + 1);
      g_autofree char *recorded = NULL;
      g_autofree char *url = NULL;
      const char *evidence = chance (gen, 0.8) ? PICK (gen, evidence_texts) : NULL;

      if (i > 0 && hs_date_compare (&on, &previous) <= 0)
        break;
      previous = on;
      recorded_day = hs_date_add_days (&on, (int) pick (gen, 10));
      recorded = g_strdup_printf ("%04u-%02u-%02uT%02u:%02u:00Z", (guint) recorded_day.year,
                                  (guint) recorded_day.month, (guint) recorded_day.day,
                                  8 + pick (gen, 10), pick (gen, 60));
      /* Some first entries are dated only to the month they came to light
       * in (which keeps them before a second one, so the file lists the
       * history in the order the store keeps it). */
      if (i == 0 && chance (gen, 0.1))
        on = hs_date_new_month (on.year, on.month);
      if (chance (gen, 0.4))
        url = g_strdup_printf ("https://example.org/evidence/%s", id);

      hs_json_writer_begin_object (gen->json);
      hs_json_writer_member_string (gen->json, "id", id);
      hs_json_writer_member_string (gen->json, "status", hs_status_to_string (status));
      json_date (gen, "on", &on);
      if (evidence != NULL)
        hs_json_writer_member_string (gen->json, "evidence", evidence);
      if (url != NULL)
        hs_json_writer_member_string (gen->json, "url", url);
      hs_json_writer_member_string (gen->json, "recorded_at", recorded);
      hs_json_writer_end_object (gen->json);

      hs_csv_writer_field (csv, id);
      hs_csv_writer_field (csv, claim_id);
      hs_csv_writer_field (csv, hs_status_to_string (status));
      csv_date (csv, &on);
      csv_day (csv, &on, FALSE);
      hs_csv_writer_field (csv, evidence);
      hs_csv_writer_field (csv, url);
      hs_csv_writer_field (csv, recorded);
      hs_csv_writer_end_row (csv);
      gen->resolutions++;
    }
  hs_json_writer_end_array (gen->json);
  gen->resolved++;
}

static void
write_prediction (Gen          *gen,
                  const char   *claim_id,
                  const char   *speaker_id,
                  const HsDate *stated,
                  const char   *horizon_in)
{
  HsCsvWriter *csv = gen->csv[CSV_PREDICTIONS];
  g_autofree char *horizon = g_strdup (horizon_in);
  g_autoptr(GError) error = NULL;
  HsDate earliest = { 0 }, latest = { 0 };
  gboolean explicit_window = FALSE;
  gboolean has_probability = chance (gen, 1.0 / 3.0);
  /* k/20 is the double nearest 0.05, 0.1, …, which prints and reads back
   * the same in JSON, in CSV and in SQLite. */
  double probability = (1 + pick (gen, 19)) / 20.0;
  const char *confidence = !has_probability && chance (gen, 0.2) ? PICK (gen, confidences) : NULL;

  if (chance (gen, 0.03))
    {
      /* A horizon outside the table, with its window given. */
      g_free (horizon);
      horizon = g_strdup (PICK (gen, free_horizons));
      earliest = *stated;
      if (chance (gen, 0.7))
        latest = hs_date_new_year (stated->year + 2 + pick (gen, 4));
      explicit_window = TRUE;
      gen->explicit_windows++;
    }
  else if (!hs_horizon_derive (horizon, stated, &earliest, &latest, &error))
    g_error ("the generator made a horizon the importer refuses: %s", error->message);

  /* As the importer keeps a window: whole days, approximate when the date
   * it came from was. */
  {
    gboolean approximate = earliest.approximate;

    if (!hs_date_is_set (&earliest))
      earliest = *stated;
    approximate = earliest.approximate;
    earliest = hs_date_first_day (&earliest);
    earliest.approximate = approximate;
  }
  if (hs_date_is_set (&latest))
    {
      gboolean approximate = latest.approximate;

      latest = hs_date_last_day (&latest);
      latest.approximate = approximate;
    }

  hs_json_writer_member (gen->json, "prediction");
  hs_json_writer_begin_object (gen->json);
  hs_json_writer_member_string (gen->json, "horizon", horizon);
  if (explicit_window)
    {
      json_date (gen, "earliest", &earliest);
      hs_json_writer_member (gen->json, "latest");
      if (hs_date_is_set (&latest))
        {
          char buf[HS_DATE_BUFSIZE];
          hs_json_writer_string (gen->json, hs_date_to_buffer (&latest, buf));
        }
      else
        hs_json_writer_null (gen->json);
    }
  if (has_probability)
    {
      hs_json_writer_member (gen->json, "probability");
      hs_json_writer_number (gen->json, probability);
      gen->with_probability++;
    }
  if (confidence != NULL)
    {
      hs_json_writer_member_string (gen->json, "confidence", confidence);
      gen->with_confidence++;
    }

  hs_csv_writer_field (csv, claim_id);
  hs_csv_writer_field (csv, horizon);
  csv_date (csv, &earliest);
  csv_date (csv, &latest);
  csv_day (csv, &latest, TRUE);
  if (has_probability)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      hs_csv_writer_field (csv, g_ascii_dtostr (buf, sizeof buf, probability));
    }
  else
    hs_csv_writer_field (csv, NULL);
  hs_csv_writer_field (csv, confidence);
  /* The store keeps the claim's speaker beside the prediction. */
  hs_csv_writer_field (csv, speaker_id);
  hs_csv_writer_end_row (csv);

  if (chance (gen, 0.5))
    write_resolutions (gen, claim_id, stated, &earliest, &latest);

  hs_json_writer_end_object (gen->json);
  gen->predictions_written++;
}

typedef struct
{
  char    id[48];
} ClaimRef;

/* The claims of one source, in the order they were said. */
static void
write_source_claims (Gen   *gen,
                     guint  source_index,
                     guint  n_claims,
                     guint *predictions_left,
                     guint *claims_left)
{
  Source *source = &gen->sources[source_index];
  g_autofree ClaimRef *ids = g_new0 (ClaimRef, n_claims);
  guint counters[4] = { 0 };
  guint seconds = pick (gen, 600);

  /* Ids first, so that a relation can point forward in the file. */
  for (guint k = 0; k < n_claims; k++)
    {
      guint who = k % source->n_speakers;

      if (chance (gen, 0.3))
        who = pick (gen, source->n_speakers);
      counters[who]++;
      g_snprintf (ids[k].id, sizeof ids[k].id, "%s.%s.%02u", source->id,
                  gen->speakers[source->speakers[who]].id, counters[who]);
    }

  for (guint k = 0; k < n_claims; k++)
    {
      HsCsvWriter *csv = gen->csv[CSV_CLAIMS];
      const char *id = ids[k].id;
      /* The speaker is in the id, after the source. */
      const char *speaker_id = id + strlen (source->id) + 1;
      g_autofree char *speaker = g_strndup (speaker_id, strlen ("spk-000000"));
      /* Exactly N predictions in all: each claim is one with the odds of
       * what is left (selection sampling). */
      gboolean is_prediction = pick (gen, *claims_left) < *predictions_left;
      guint subject = pick (gen, G_N_ELEMENTS (subjects));
      const char *topic_ids[3];
      guint n_topics = 1;
      HsDate stated = source->date;
      gboolean explicit_stated = FALSE;
      g_autofree char *horizon = NULL;
      g_autofree char *main_sentence = NULL;
      g_autofree char *text = NULL;
      g_autofree char *quote = NULL;
      g_autofree char *original = NULL;
      g_autofree char *locator = NULL;
      char stated_buf[HS_DATE_BUFSIZE];

      (*claims_left)--;
      if (is_prediction)
        (*predictions_left)--;

      /* A claim dated more precisely than its source, now and then. */
      if (stated.precision == HS_DATE_PRECISION_MONTH && !stated.approximate && chance (gen, 0.3))
        {
          HsDate first = hs_date_first_day (&stated);
          HsDate last = hs_date_last_day (&stated);

          stated = day_between (gen, &first, &last);
          explicit_stated = TRUE;
        }

      topic_ids[0] = subjects[subject].topic;
      while (n_topics < 3 && chance (gen, 0.4))
        {
          const char *other = PICK (gen, topics).id;
          gboolean seen = FALSE;

          for (guint t = 0; t < n_topics; t++)
            seen |= strcmp (topic_ids[t], other) == 0;
          if (!seen)
            topic_ids[n_topics++] = other;
        }

      if (is_prediction)
        {
          g_autofree char *subject_cap = capitalize (subjects[subject].text);
          const char *predicate = PICK (gen, predicates);

          horizon = choose_horizon (gen, &stated);
          if (g_str_has_prefix (horizon, "in ") && horizon[3] >= '0' && horizon[3] <= '9')
            main_sentence = g_strdup_printf ("In %s, %s %s.", horizon + 3, subjects[subject].text,
                                             predicate);
          else if (strcmp (horizon, "unspecified") == 0 || strcmp (horizon, "future") == 0)
            main_sentence = g_strdup_printf ("%s %s, sooner or later.", subject_cap, predicate);
          else
            main_sentence = g_strdup_printf ("%s %s %s.", subject_cap, predicate, horizon);
          if (chance (gen, 0.5))
            quote = g_strdup_printf ("I think %s %s. %s", subjects[subject].text, predicate,
                                     chance (gen, 0.5) ? "I would put real money on it."
                                                       : "People underestimate how fast this moves.");
          if (chance (gen, 1.0 / 3.0))
            original = g_strdup_printf (chance (gen, 0.5) ? "我认为%s%s%s。" : "%s%s，%s，这是大概率的事情。",
                                        PICK (gen, zh_times), PICK (gen, zh_subjects),
                                        PICK (gen, zh_predicates));
        }
      else
        {
          main_sentence = g_strdup_printf ("On %s, %s.", subjects[subject].text, PICK (gen, statements));
          if (chance (gen, 0.5))
            quote = g_strdup_printf ("Look, on %s, %s.", subjects[subject].text, PICK (gen, statements));
          if (chance (gen, 1.0 / 3.0))
            original = g_strdup_printf ("%s现在最大的问题是%s，而不是%s。", PICK (gen, zh_subjects),
                                        PICK (gen, zh_problems), PICK (gen, terms).zh);
        }
      text = compose_text (gen, main_sentence, topic_name_of (topic_ids[0]));

      if (chance (gen, 0.6))
        {
          if (source->kind == HS_SOURCE_KIND_ARTICLE || source->kind == HS_SOURCE_KIND_NEWSLETTER ||
              source->kind == HS_SOURCE_KIND_POST)
            locator = g_strdup_printf ("¶%u", k + 1);
          else
            locator = g_strdup_printf ("%02u:%02u:%02u", seconds / 3600, (seconds / 60) % 60,
                                       seconds % 60);
        }
      seconds += 30 + pick (gen, 400);

      hs_json_writer_begin_object (gen->json);
      hs_json_writer_member_string (gen->json, "id", id);
      hs_json_writer_member_string (gen->json, "speaker", speaker);
      hs_json_writer_member_string (gen->json, "source", source->id);
      hs_json_writer_member_string (gen->json, "text", text);
      if (quote != NULL)
        hs_json_writer_member_string (gen->json, "quote", quote);
      if (original != NULL)
        {
          hs_json_writer_member_string (gen->json, "original_text", original);
          hs_json_writer_member_string (gen->json, "original_language", "zh");
          gen->with_original++;
        }
      if (locator != NULL)
        hs_json_writer_member_string (gen->json, "locator", locator);
      if (explicit_stated)
        json_date (gen, "stated_on", &stated);
      hs_json_writer_member (gen->json, "topics");
      hs_json_writer_begin_array (gen->json);
      for (guint t = 0; t < n_topics; t++)
        hs_json_writer_string (gen->json, topic_ids[t]);
      hs_json_writer_end_array (gen->json);

      hs_csv_writer_field (csv, id);
      hs_csv_writer_field (csv, speaker);
      hs_csv_writer_field (csv, source->id);
      hs_csv_writer_field (csv, text);
      hs_csv_writer_field (csv, quote);
      hs_csv_writer_field (csv, original);
      hs_csv_writer_field (csv, original != NULL ? "zh" : NULL);
      hs_csv_writer_field (csv, locator);
      hs_csv_writer_field (csv, hs_date_to_buffer (&stated, stated_buf));
      csv_day (csv, &stated, FALSE);
      hs_csv_writer_end_row (csv);

      for (guint t = 0; t < n_topics; t++)
        {
          hs_csv_writer_field (gen->csv[CSV_CLAIM_TOPICS], id);
          csv_int (gen->csv[CSV_CLAIM_TOPICS], t);
          hs_csv_writer_field (gen->csv[CSV_CLAIM_TOPICS], topic_ids[t]);
          hs_csv_writer_end_row (gen->csv[CSV_CLAIM_TOPICS]);
        }

      /* One claim in a hundred answers another in the same source; a few
       * of those point forward, to a claim later in the file. */
      if (n_claims > 1 && chance (gen, 0.01))
        {
          static const HsRelationKind kinds[] = {
            HS_RELATION_SUPPORTS, HS_RELATION_CONTRADICTS, HS_RELATION_REVISES, HS_RELATION_SAME_AS,
          };
          HsRelationKind kind = PICK (gen, kinds);
          const char *note = chance (gen, 0.5)
                             ? "Said again, more carefully, later in the same conversation." : NULL;
          guint other;

          if (k + 1 < n_claims && (k == 0 || chance (gen, 0.1)))
            other = k + 1 + pick (gen, n_claims - k - 1);
          else
            other = pick (gen, k);
          hs_json_writer_member (gen->json, "relations");
          hs_json_writer_begin_array (gen->json);
          hs_json_writer_begin_object (gen->json);
          hs_json_writer_member_string (gen->json, "type", hs_relation_kind_to_string (kind));
          hs_json_writer_member_string (gen->json, "claim", ids[other].id);
          if (note != NULL)
            hs_json_writer_member_string (gen->json, "note", note);
          hs_json_writer_end_object (gen->json);
          hs_json_writer_end_array (gen->json);

          hs_csv_writer_field (gen->csv[CSV_RELATIONS], id);
          csv_int (gen->csv[CSV_RELATIONS], 0);
          hs_csv_writer_field (gen->csv[CSV_RELATIONS], hs_relation_kind_to_string (kind));
          hs_csv_writer_field (gen->csv[CSV_RELATIONS], ids[other].id);
          hs_csv_writer_field (gen->csv[CSV_RELATIONS], note);
          hs_csv_writer_end_row (gen->csv[CSV_RELATIONS]);
          gen->relations++;
        }

      if (is_prediction)
        write_prediction (gen, id, speaker, &stated, horizon);

      hs_json_writer_end_object (gen->json);
      gen->claims_written++;
    }
}

/* ---------------------------------------------------------------------- */
/* The script for SQLite's shell                                           */

/* The schema exactly as this build creates it: an empty store is made and
 * its sqlite_schema read back, in creation order. The full-text index's
 * own tables are left out: creating the virtual table makes them. */
static gboolean
read_schema (const char  *dir,
             GString     *out,
             gint64      *user_version,
             gint64      *application_id,
             GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "empty-store.db", NULL);
  g_autoptr(HsStore) store = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_unlink (path);
  if (!(store = hs_store_open (path, error)))
    return FALSE;
  g_clear_object (&store);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL"
                          " AND NOT (type = 'table' AND name LIKE 'claims\\_fts\\_%' ESCAPE '\\')"
                          " ORDER BY rowid",
                      -1, &stmt, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (out, "%s;\n", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *user_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *application_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  return TRUE;
}

static gboolean
write_load_script (const char  *dir,
                   GError     **error)
{
  g_autoptr(GString) script = g_string_new (NULL);
  g_autoptr(GString) schema = g_string_new (NULL);
  g_autofree char *path = g_build_filename (dir, "load.sql", NULL);
  gint64 user_version = 0, application_id = 0;

  if (!read_schema (dir, schema, &user_version, &application_id, error))
    return FALSE;

  g_string_append (script,
                   "-- Loads the CSV files beside this script into a new database with the\n"
                   "-- schema of a Hindsight store, the way the store is opened: WAL,\n"
                   "-- synchronous FULL, foreign keys on; all in one transaction.\n"
                   "-- Written by tests/bench/hs-generate; run from this folder:\n"
                   "--   sqlite3 ref.db < load.sql\n"
                   ".bail on\n"
                   "PRAGMA journal_mode = WAL;\n"
                   "PRAGMA synchronous = FULL;\n"
                   "PRAGMA foreign_keys = ON;\n"
                   "BEGIN IMMEDIATE;\n");
  g_string_append (script, schema->str);
  g_string_append_printf (script, "PRAGMA user_version = %" G_GINT64_FORMAT ";\n", user_version);
  g_string_append_printf (script, "PRAGMA application_id = %" G_GINT64_FORMAT ";\n", application_id);

  /* The shell reads an empty CSV field as '', not NULL: columns that may be
   * NULL are loaded through a view whose trigger turns '' into NULL. */
  for (guint i = 0; i < N_CSV; i++)
    {
      g_auto(GStrv) columns = g_strsplit (csv_files[i].columns, ",", -1);
      const char *target = csv_files[i].table;
      g_autofree char *view = NULL;

      if (csv_files[i].nullable != NULL)
        {
          GString *values = g_string_new (NULL);
          GString *nulls = g_string_new (NULL);

          view = g_strdup_printf ("%s_csv", csv_files[i].table);
          for (guint c = 0; columns[c] != NULL; c++)
            {
              gboolean nullable = csv_files[i].nullable[c] == '1';

              g_string_append_printf (values, "%s%s%s%s", c > 0 ? ", " : "",
                                      nullable ? "NULLIF(new." : "new.", columns[c],
                                      nullable ? ", '')" : "");
              g_string_append_printf (nulls, "%sNULL", c > 0 ? ", " : "");
            }
          g_string_append_printf (script,
                                  "CREATE TEMP VIEW %s (%s) AS SELECT %s;\n"
                                  "CREATE TEMP TRIGGER %s_insert INSTEAD OF INSERT ON %s BEGIN"
                                  " INSERT INTO %s (%s) VALUES (%s); END;\n",
                                  view, csv_files[i].columns, nulls->str, view, view,
                                  csv_files[i].table, csv_files[i].columns, values->str);
          g_string_free (values, TRUE);
          g_string_free (nulls, TRUE);
          target = view;
        }
      g_string_append_printf (script, ".import --csv --skip 1 %s.csv %s\n", csv_files[i].name, target);
    }
  g_string_append (script, "COMMIT;\n");

  return g_file_set_contents (path, script->str, (gssize) script->len, error);
}

/* ---------------------------------------------------------------------- */

static GOutputStream *
create_file (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                        NULL, error);

  if (stream == NULL)
    return NULL;
  return g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 1 << 20);
}

static gboolean
write_manifest (Gen         *gen,
                const char  *dir,
                guint32      seed,
                GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "manifest.json", NULL);
  g_autoptr(GOutputStream) stream = create_file (path, error);
  g_autoptr(HsJsonWriter) json = NULL;

  if (stream == NULL)
    return FALSE;
  json = hs_json_writer_new (stream, TRUE);
  hs_json_writer_begin_object (json);
  hs_json_writer_member (json, "seed");
  hs_json_writer_int (json, seed);
#define COUNT(name, value) hs_json_writer_member (json, name); hs_json_writer_int (json, value)
  COUNT ("speakers", gen->n_speakers);
  COUNT ("sources", gen->n_sources);
  COUNT ("topics", G_N_ELEMENTS (topics));
  COUNT ("claims", gen->claims_written);
  COUNT ("predictions", gen->predictions_written);
  COUNT ("plain_claims", gen->claims_written - gen->predictions_written);
  COUNT ("with_probability", gen->with_probability);
  COUNT ("with_confidence", gen->with_confidence);
  COUNT ("with_explicit_window", gen->explicit_windows);
  COUNT ("with_original_text", gen->with_original);
  COUNT ("resolved_predictions", gen->resolved);
  COUNT ("resolutions", gen->resolutions);
  COUNT ("relations", gen->relations);
#undef COUNT
  hs_json_writer_end_object (json);
  return hs_json_writer_finish (json, NULL, error) && g_output_stream_close (stream, NULL, error);
}

static gboolean
generate (guint32      seed,
          guint        n_predictions,
          const char  *dir,
          GError     **error)
{
  g_autofree char *sqlite_dir = g_build_filename (dir, "sqlite", NULL);
  g_autofree char *json_path = g_build_filename (dir, "data.json", NULL);
  Gen gen = { 0 };
  guint n_claims, predictions_left, claims_left;
  gboolean ok = TRUE;

  if (g_mkdir_with_parents (sqlite_dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", sqlite_dir,
                   g_strerror (saved));
      return FALSE;
    }

  gen.rand = g_rand_new_with_seed (seed);
  gen.n_predictions = n_predictions;
  gen.n_plain = n_predictions / 5;
  gen.n_speakers = MAX (n_predictions / 100, 1);
  gen.n_sources = MAX (n_predictions / 50, 1);
  gen.first_day = parse_day (FIRST_DAY_TEXT);
  gen.today = parse_day (TODAY_TEXT);
  {
    HsDate last = parse_day (LAST_DAY_TEXT);
    gen.n_days = hs_date_days_between (&gen.first_day, &last);
  }
  gen.speakers = g_new0 (Speaker, gen.n_speakers);
  gen.sources = g_new0 (Source, gen.n_sources);

  if (!(gen.streams[N_CSV] = create_file (json_path, error)))
    return FALSE;
  gen.json = hs_json_writer_new (gen.streams[N_CSV], TRUE);
  for (guint i = 0; i < N_CSV; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.csv", csv_files[i].name);
      g_autofree char *path = g_build_filename (sqlite_dir, name, NULL);
      g_auto(GStrv) columns = g_strsplit (csv_files[i].columns, ",", -1);

      if (!(gen.streams[i] = create_file (path, error)))
        return FALSE;
      gen.csv[i] = hs_csv_writer_new (gen.streams[i]);
      for (guint c = 0; columns[c] != NULL; c++)
        hs_csv_writer_field (gen.csv[i], columns[c]);
      hs_csv_writer_end_row (gen.csv[i]);
    }

  hs_json_writer_begin_object (gen.json);
  hs_json_writer_member_string (gen.json, "format", "hindsight");
  hs_json_writer_member (gen.json, "version");
  hs_json_writer_int (gen.json, 1);

  hs_json_writer_member (gen.json, "speakers");
  hs_json_writer_begin_array (gen.json);
  for (guint i = 0; i < gen.n_speakers; i++)
    write_speaker (&gen, i);
  hs_json_writer_end_array (gen.json);

  hs_json_writer_member (gen.json, "sources");
  hs_json_writer_begin_array (gen.json);
  for (guint i = 0; i < gen.n_sources; i++)
    write_source (&gen, i);
  hs_json_writer_end_array (gen.json);

  hs_json_writer_member (gen.json, "topics");
  hs_json_writer_begin_array (gen.json);
  write_topics (&gen);
  hs_json_writer_end_array (gen.json);

  /* Claims, source by source, in the order the sources were listed. */
  hs_json_writer_member (gen.json, "claims");
  hs_json_writer_begin_array (gen.json);
  n_claims = gen.n_predictions + gen.n_plain;
  predictions_left = gen.n_predictions;
  claims_left = n_claims;
  for (guint s = 0; s < gen.n_sources; s++)
    {
      guint share = n_claims / gen.n_sources + (s < n_claims % gen.n_sources ? 1 : 0);

      if (share > 0)
        write_source_claims (&gen, s, share, &predictions_left, &claims_left);
    }
  hs_json_writer_end_array (gen.json);
  hs_json_writer_end_object (gen.json);

  ok = hs_json_writer_finish (gen.json, NULL, error) &&
       g_output_stream_close (gen.streams[N_CSV], NULL, error);
  for (guint i = 0; ok && i < N_CSV; i++)
    ok = hs_csv_writer_finish (gen.csv[i], NULL, error) &&
         g_output_stream_close (gen.streams[i], NULL, error);

  if (ok)
    ok = write_load_script (sqlite_dir, error) && write_manifest (&gen, dir, seed, error);

  if (ok)
    g_print ("%s: %u speakers, %u sources, %u topics, %u claims (%u predictions, %u with a "
             "probability, %u resolved with %u entries), %u relations\n",
             json_path, gen.n_speakers, gen.n_sources, (guint) G_N_ELEMENTS (topics),
             gen.claims_written, gen.predictions_written, gen.with_probability, gen.resolved,
             gen.resolutions, gen.relations);

  hs_json_writer_free (gen.json);
  for (guint i = 0; i < N_CSV; i++)
    hs_csv_writer_free (gen.csv[i]);
  for (guint i = 0; i <= N_CSV; i++)
    g_clear_object (&gen.streams[i]);
  for (guint i = 0; i < gen.n_speakers; i++)
    {
      g_free (gen.speakers[i].id);
      g_free (gen.speakers[i].name);
    }
  g_free (gen.speakers);
  g_free (gen.sources);
  g_rand_free (gen.rand);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seed = 1;
  gint64 predictions = 10000;
  g_autofree char *out = NULL;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random choices (default 1)", "S" },
    { "predictions", 0, 0, G_OPTION_ARG_INT64, &predictions,
      "How many prediction claims (default 10000); N/5 plain claims come on top", "N" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "Folder to write data.json and sqlite/ into", "DIR" },
    { NULL },
  };

  context = g_option_context_new ("- write a reproducible benchmark dataset");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("hs-generate: %s\n", error->message);
      return 2;
    }
  if (out == NULL || predictions < 1 || predictions > 10000000 || seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr ("usage: hs-generate --seed S --predictions N --out DIR (1 ≤ N ≤ 10,000,000)\n");
      return 2;
    }

  if (!generate ((guint32) seed, (guint) predictions, out, &error))
    {
      g_printerr ("hs-generate: %s\n", error->message);
      return 1;
    }
  return 0;
}
