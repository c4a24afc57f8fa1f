#include "core/entities.hpp"

#include <array>
#include <cstdio>

#include "core/sha256.hpp"

namespace jb {

int TableSpec::index_of(std::string_view column) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == column) return static_cast<int>(i);
    return -1;
}

namespace {

using T = ColumnType;
using F = TextFormat;

constexpr std::array<std::string_view, 5> period_kinds{"quarter", "trimester", "half", "module", "year"};
constexpr std::array<std::string_view, 4> roles{"student", "teacher", "parent", "staff"};
constexpr std::array<std::string_view, 2> sexes{"male", "female"};
constexpr std::array<std::string_view, 3> lesson_roles{"main", "substitute", "assistant"};
constexpr std::array<std::string_view, 7> attendance_reasons{
    "present", "absent-unexcused", "absent-excused", "ill", "late", "released", "absent-unknown"};
constexpr std::array<std::string_view, 4> final_kinds{"period", "year", "exam", "final"};
constexpr std::array<std::string_view, 20> entity_names{
    "school", "school_year", "period", "holiday", "class", "class_group", "subject", "subject_alias", "person",
    "person_role", "guardianship", "enrolment", "teaching_assignment", "curriculum", "lesson", "lesson_teacher",
    "work", "mark", "attendance", "final_mark"};

Column id() { return {"id", T::id}; }
Column key_ref(std::string_view name, std::string_view table) { return {name, T::ref, true, table}; }
Column ref(std::string_view name, std::string_view table) { return {name, T::ref, false, table}; }
Column key_opt_ref(std::string_view name, std::string_view table) { return {name, T::opt_ref, true, table}; }
Column opt_ref(std::string_view name, std::string_view table) { return {name, T::opt_ref, false, table}; }
Column key_text(std::string_view name, F format = F::free) { return {name, T::text, true, {}, {}, format}; }
Column text(std::string_view name, F format = F::free) { return {name, T::text, false, {}, {}, format}; }
Column opt_text(std::string_view name, F format = F::free) { return {name, T::opt_text, false, {}, {}, format}; }
Column key_opt_text(std::string_view name, F format) { return {name, T::opt_text, true, {}, {}, format}; }
Column key_int(std::string_view name) { return {name, T::integer, true}; }
Column integer(std::string_view name) { return {name, T::integer}; }
Column boolean(std::string_view name) { return {name, T::boolean}; }
Column real(std::string_view name) { return {name, T::opt_real}; }
template <std::size_t N>
Column key_enum(std::string_view name, const std::array<std::string_view, N>& allowed) {
    return {name, T::enumeration, true, {}, allowed};
}
template <std::size_t N>
Column opt_enum(std::string_view name, const std::array<std::string_view, N>& allowed) {
    return {name, T::opt_enumeration, false, {}, allowed};
}

}  // namespace

namespace tables {

const TableSpec school{"school", {id(), key_text("code"), text("name"), text("short_name"), text("region"),
                                  text("timezone")}};
const TableSpec school_year{"school_year", {id(), key_ref("school_id", "school"), key_int("start_year"),
                                            opt_text("start_date", F::date), opt_text("end_date", F::date)}};
const TableSpec period{"period", {id(), key_ref("year_id", "school_year"), key_enum("kind", period_kinds),
                                  key_int("number"), text("name"), text("start_date", F::date),
                                  text("end_date", F::date)}};
const TableSpec holiday{"holiday", {id(), key_ref("year_id", "school_year"), key_text("start_date", F::date),
                                    text("end_date", F::date), text("name")}};
const TableSpec school_class{"class", {id(), key_ref("year_id", "school_year"), key_text("name"), integer("grade"),
                                       text("letter"), opt_ref("head_teacher_id", "person")}};
const TableSpec class_group{"class_group", {id(), key_ref("class_id", "class"), key_text("name"),
                                            opt_ref("subject_id", "subject")}};
const TableSpec subject{"subject", {id(), key_ref("school_id", "school"), key_text("name")}};
const TableSpec subject_alias{"subject_alias", {id(), key_ref("school_id", "school"), key_text("platform"),
                                                key_text("source_name"), ref("subject_id", "subject")}};
const TableSpec person{"person", {id(), key_ref("school_id", "school"), key_text("last_name"),
                                  key_text("first_name"), key_text("middle_name"), key_text("birth_date", F::date),
                                  key_text("disambiguator"), opt_enum("sex", sexes)}};
const TableSpec person_role{"person_role", {id(), key_ref("person_id", "person"), key_enum("role", roles)}};
const TableSpec guardianship{"guardianship", {id(), key_ref("parent_id", "person"), key_ref("student_id", "person"),
                                              text("relation")}};
const TableSpec enrolment{"enrolment", {id(), key_ref("student_id", "person"), key_ref("class_id", "class"),
                                        key_opt_ref("group_id", "class_group"), key_text("joined", F::date),
                                        opt_text("left_on", F::date)}};
const TableSpec teaching_assignment{"teaching_assignment",
                                    {id(), key_ref("teacher_id", "person"), key_ref("class_id", "class"),
                                     key_opt_ref("group_id", "class_group"), key_ref("subject_id", "subject")}};
const TableSpec curriculum{"curriculum",
                           {id(), key_ref("class_id", "class"), key_opt_ref("group_id", "class_group"),
                            key_ref("subject_id", "subject"), real("hours_per_week"), real("hours_per_year")},
                           2};
const TableSpec lesson{"lesson", {id(), key_ref("class_id", "class"), key_opt_ref("group_id", "class_group"),
                                  key_ref("subject_id", "subject"), key_text("date", F::date), key_int("number"),
                                  key_text("start_time", F::time), text("end_time", F::time), text("topic"),
                                  text("homework"), opt_text("homework_entered_at", F::timestamp),
                                  boolean("substitution")}};
const TableSpec lesson_teacher{"lesson_teacher", {id(), key_ref("lesson_id", "lesson"),
                                                  key_ref("teacher_id", "person"),
                                                  {"role", T::enumeration, false, {}, lesson_roles}}};
const TableSpec work{"work", {id(), key_ref("class_id", "class"), key_opt_ref("group_id", "class_group"),
                              key_ref("subject_id", "subject"), key_opt_ref("lesson_id", "lesson"),
                              key_opt_text("date", F::date), key_text("type_raw"), key_int("ordinal"),
                              text("type"), real("weight"), opt_text("due_date", F::date), boolean("written"),
                              boolean("control"), text("title")}};
const TableSpec mark{"mark", {id(), key_ref("work_id", "work"), key_ref("student_id", "person"),
                              key_int("position"), text("raw"), text("value"), real("numeric"), text("modifier"),
                              boolean("debt"), real("weight"), text("comment"),
                              opt_text("entered_at", F::timestamp)}};
const TableSpec attendance{"attendance", {id(), key_ref("lesson_id", "lesson"), key_ref("student_id", "person"),
                                          opt_enum("reason", attendance_reasons), text("raw_code"),
                                          text("comment"), opt_text("entered_at", F::timestamp)}};
const TableSpec final_mark{"final_mark", {id(), key_ref("student_id", "person"), key_ref("class_id", "class"),
                                          key_ref("subject_id", "subject"), key_enum("kind", final_kinds),
                                          key_opt_ref("period_id", "period"), key_int("position"), text("raw"),
                                          text("value"), real("numeric"), text("comment"),
                                          opt_text("entered_at", F::timestamp)}};
const TableSpec source_id{"source_id", {id(), key_text("platform"), key_text("instance"),
                                        key_enum("entity", entity_names), key_text("source_id"),
                                        {"entity_id", T::any_ref}}};

}  // namespace tables

std::span<const TableSpec* const> all_tables() {
    static const std::array<const TableSpec*, 21> order{
        &tables::school,         &tables::school_year,  &tables::period,       &tables::holiday,
        &tables::subject,        &tables::subject_alias, &tables::person,      &tables::person_role,
        &tables::guardianship,   &tables::school_class, &tables::class_group,  &tables::enrolment,
        &tables::teaching_assignment, &tables::curriculum, &tables::lesson,    &tables::lesson_teacher,
        &tables::work,           &tables::mark,         &tables::attendance,   &tables::final_mark,
        &tables::source_id};
    return order;
}

const TableSpec* find_table(std::string_view name) {
    for (const TableSpec* spec : all_tables())
        if (spec->table == name) return spec;
    return nullptr;
}

Id derive_id(const TableSpec& spec, const Row& row) {
    thread_local Sha256 hash;  // digest() leaves it ready for the next id
    hash.update(spec.table);
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        if (!spec.columns[i].key) continue;
        hash.update("\x1f");
        const Value& v = row[i];
        if (const auto* n = std::get_if<std::int64_t>(&v)) hash.update(std::to_string(*n));
        else if (const auto* s = std::get_if<std::string>(&v)) hash.update(*s);
    }
    auto digest = hash.digest();
    std::uint64_t id = 0;
    for (int i = 0; i < 8; ++i) id = (id << 8) | digest[static_cast<std::size_t>(i)];
    return static_cast<Id>(id & 0x7fffffffffffffffULL);
}

std::string id_to_hex(Id id) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(id));
    return buffer;
}

bool id_from_hex(std::string_view text, Id& out) {
    if (text.size() != 16) return false;
    std::uint64_t value = 0;
    for (char c : text) {
        int digit;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else return false;
        value = (value << 4) | static_cast<std::uint64_t>(digit);
    }
    if (value > 0x7fffffffffffffffULL) return false;
    out = static_cast<Id>(value);
    return true;
}

}  // namespace jb
