// linimasa/document.h — the one object every stage annotates.
//
// A Document is created by a reader (text, HTML, JSONL, WARC) holding the decoded input (`raw`)
// and, for HTML, the blocks the page was rendered into. Stages then add layers: the `clean` stage
// writes `text`, `removed`, `meta` and the clean→raw offset map; later stages (sentences, entities,
// time, events) add their own layers. A layer a stage has not written is absent (std::nullopt) and
// is left out of the JSON; an enabled stage always writes its layer, empty if it found nothing.
//
// Offsets: inside the engine every offset is a BYTE offset into UTF-8 (`text` for annotation
// layers, `raw` for `removed`). The JSON writer converts them to Unicode code points, as
// INTERFACE.md requires.
//
// Thread-safety: a Document is a plain value. Different Documents may be processed on different
// threads at once; one Document must not be mutated from two threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace linimasa {

enum class InputFormat { kAuto, kText, kHtml, kJsonl, kWarc };
const char* FormatName(InputFormat f);  // "text", "html", "jsonl", "warc", "auto"

// A half-open byte range [start, end).
struct Span {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
};

// How a reader saw a stretch of raw text. Text files: one block per line. HTML: one per rendered
// block element, with the evidence the main-content extractor used.
struct Block {
  enum class Kind : uint8_t { kParagraph, kHeading, kListItem, kCaption, kQuote, kPre, kOther };
  Span span;  // into Document::raw, without the trailing newline
  Kind kind = Kind::kParagraph;
  float link_density = 0.f;  // share of the block's characters inside <a> (HTML only)
  bool main = true;          // false: outside the page's main content (HTML extractor)
  std::string hint;          // removal kind suggested by the reader ("share", "related", ...)
};

// A span removed from the raw input, kept with its kind (INTERFACE.md vocabulary):
// advertisement promo related pagination caption credit byline header share source other.
struct Removed {
  Span span;  // into Document::raw
  std::string kind;
};

// Clean-text offset → raw offset. Each run maps clean[clean_start, clean_start+len) onto
// raw[raw_start, raw_start+len) byte for byte; bytes between runs (inserted newlines) map to the
// raw offset where the next run starts.
struct OffsetRun {
  size_t clean_start = 0;
  size_t raw_start = 0;
  size_t len = 0;
};

struct Metadata {
  std::optional<std::string> outlet, domain, title, subtitle, dateline, published;
  std::optional<std::string> published_basis;  // input | header | dateline | inferred
  std::vector<std::string> authors, editors, cited_sources;
  std::string language = "id";
  // Bytes of the clean text the dateline takes at its start ("BEIJING, KOMPAS.com - "); 0 without
  // one. Not serialised: the entities stage reads it (a dateline's city is a place, its outlet no
  // participant).
  size_t dateline_end = 0;
};

// Fields a structured input (a JSONL record, a WARC header, HTML <meta>) gave explicitly. A field
// given here wins over anything the engine infers.
struct InputFields {
  std::optional<std::string> title, published, outlet, url, author, site_name, description;
};

struct Flag {
  std::string kind;  // weekday_mismatch, encoding_converted, truncated, ...
  Span span;         // into `text` (0,0 for document-level flags)
  std::string message;
};

struct Sentence {
  Span span;                 // into `text`
  uint32_t first_token = 0;  // tokens [first_token, end_token) when the text stage ran
  uint32_t end_token = 0;
};

// A surface token (UD "token"): a span of the clean text. A token holding a clitic ("rumahnya",
// "kuambil", "apakah") is a multiword token of two syntactic words.
struct Token {
  enum class Kind : uint8_t { kWord, kNumber, kPunct, kSymbol, kUrl, kEmail, kHandle, kHashtag };
  Span span;
  Kind kind = Kind::kWord;
  bool space_after = true;
  uint32_t first_word = 0;
  uint8_t word_count = 1;
};

// A syntactic word (UD "word"): the whole token, or one part of a multiword token. Forms are
// spans of the clean text (clitics are contiguous parts of their token).
struct Word {
  Span span;
  uint32_t token = 0;
  std::string lemma;  // root ("mendesain" → "desain")
  std::string upos;   // UD universal POS, "" when not tagged
};

// A temporal expression (TimeML TIMEX3): `value` per TimeML/TIDES ("2023-09-13", "2023-W36",
// "P18M", "PRESENT_REF", "XXXX-09-13" when no year can be inferred); `mod` empty when none.
struct Timex {
  Span span;         // into `text`
  std::string type;  // DATE TIME DURATION SET
  std::string value;
  std::string
      mod;  // MORE_THAN LESS_THAN APPROX START MID END EQUAL_OR_MORE EQUAL_OR_LESS BEFORE AFTER
};

// A named-entity mention linked to a canonical entity: `id` is shared by every mention of that
// entity in any document (KB ids like "gpe:KP"; else the type and the name's variant key,
// "per:kim_jong_un").
struct Entity {
  Span span;         // into `text`
  std::string type;  // PER ORG LOC GPE (FAC NORP EVT PRODUCT)
  std::string
      canonical;  // English where the KB knows the entity, else the fullest form in the text
  std::string id;
  std::string iso;     // ISO 3166 code of the place (a country, or the country a capital lies in)
  bool in_kb = false;  // linked to a knowledge-base entity (not written out: the id says which)
};

// An event mention (see data/events/README.md): a trigger with its type, participants as
// canonical entities, place, time and modality, in one sentence.
struct Event {
  std::string type;   // MEET VISIT ARRIVE …
  std::string cameo;  // CAMEO root code ("04")
  Span trigger;       // into `text`
  std::vector<std::string> actors, actor_ids, targets, target_ids;
  std::optional<std::string> place, place_id, time;
  std::string modality;  // asserted planned reported alleged denied hypothetical
  uint32_t sentence = 0;
};

// A base phrase of the shallow-syntax layer (CoNLL-2000 style: non-recursive, contiguous): NP
// "Presiden Rusia Vladimir Putin", VP "tidak akan mengunjungi", PP "ke", ADJP "sangat penting",
// ADVP "kemarin", SBAR "ketika" / "yang" / "bahwa" (the word that opens a subordinate clause).
struct Chunk {
  enum class Type : uint8_t { kNP, kVP, kPP, kADJP, kADVP, kSBAR };
  // A VP's voice from its head verb's morphology: di- passive ("ditangkap"), ter- ("tertangkap":
  // accidental or stative, its subject undergoes), else active; kNone for other chunks.
  enum class Voice : uint8_t { kNone, kActive, kPassive, kTer };
  Type type = Type::kNP;
  uint32_t first_word = 0, end_word = 0;  // words [first_word, end_word)
  uint32_t head = 0;                      // word index: an NP's first nominal, a VP's last verb
  Voice voice = Voice::kNone;
  bool relative = false;  // an SBAR opening a relative clause ("yang")
  uint32_t clause = 0;    // running clause number over the document (see syntax/chunker.h)
};
const char* ChunkTypeName(Chunk::Type t);  // "NP", "VP", …
const char* VoiceName(Chunk::Voice v);     // "", "active", "passive", "ter"

// A quotation: direct (the text inside the quote marks) or indirect (the reported clause).
struct Quote {
  Span span;  // into `text`
  std::optional<std::string> speaker, speaker_id, cue;
  bool direct = true;
};

struct Document {
  std::string id;
  struct Source {
    std::optional<std::string> path;
    InputFormat format = InputFormat::kText;
    std::optional<std::string> url;
    std::optional<size_t> record;  // 1-based line (JSONL) or record number (WARC)
  } source;

  std::string raw;            // decoded UTF-8 input: BOM removed, CRLF → LF
  std::vector<Block> blocks;  // reader's segmentation of raw (empty: the clean stage uses lines)
  InputFields input;

  // Written by the `clean` stage.
  std::optional<std::string> text;
  std::vector<OffsetRun> offset_map;
  std::optional<std::vector<Removed>> removed;
  std::optional<Metadata> meta;

  // Written by later stages.
  std::optional<std::vector<Sentence>> sentences;
  std::optional<std::vector<Token>> tokens;
  std::optional<std::vector<Word>> words;
  std::optional<std::vector<Timex>> timexes;
  std::optional<std::vector<Entity>> entities;
  std::optional<std::vector<Event>> events;
  // Events read from the photo captions the clean stage removed ("FILE - … selama pertemuan mereka
  // di Vladivostok, Rusia, Kamis, 25 April 2019."): a caption is not body text, but what it
  // states is evidence. `sentence` is the caption's index in `removed`; `trigger` points into
  // `raw`. Set by a pipeline that cleans and extracts events (Pipeline::Run).
  std::optional<std::vector<Event>> caption_events;
  std::optional<std::vector<Quote>> quotes;
  std::optional<std::vector<Chunk>> chunks;  // the `syntax` stage

  std::vector<Flag> flags;  // any stage may add; always written

  // Raw byte offset of a clean-text byte offset (see OffsetRun).
  size_t RawOffset(size_t clean_offset) const;
};

}  // namespace linimasa
