#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "adapters/dnevnik/dnevnik_directory.hpp"
#include "adapters/dnevnik/dnevnik_mappings.hpp"
#include "core/value.hpp"

namespace jb {
class Sink;
class RecordBuilder;
struct ReadContext;
}  // namespace jb

// The second half of a read: turns the directory and the fact bodies (marks, attendance, final
// marks) into records. Every entity is derived from its natural key, so a fact that two endpoints
// return (a final mark in final-marks and in allfinalmarks, a mark in two windows) becomes one
// record.
namespace jb::dnevnik {

// Ids of the rows written for a directory table's entries, by entry index.
class EmittedIds {
public:
    bool is_emitted(std::size_t index) const { return index < emitted_.size() && emitted_[index]; }
    Id id(std::size_t index) const { return ids_[index]; }
    Id emitted(std::size_t index, Id id) {
        if (index >= ids_.size()) {
            ids_.resize(index + 1);
            emitted_.resize(index + 1);
        }
        ids_[index] = id;
        emitted_[index] = true;
        return id;
    }

private:
    std::vector<Id> ids_;
    std::vector<bool> emitted_;
};

class Emitter {
public:
    Emitter(const Directory& directory, const Mappings& mappings, const ReadContext& context, Sink& sink);

    // Schools, classes, subgroups, people and their roles, enrolments, periods, holidays, lessons
    // and works: everything the first pass collected.
    void emit_directory(const Where& where);
    // One second-pass body.
    void emit_facts(const Request& request, const nlohmann::json& body, const Where& where);

private:
    Id school(std::int64_t school);
    std::int64_t school_of_group(std::int64_t group, const Where& where);
    bool placeable(std::int64_t group) const;  // a named class, or a subgroup of one, with a known school
    std::int64_t class_group_of(std::int64_t group, const Where& where);  // the class a (sub)group belongs to
    int start_year_of(std::int64_t group, const Where& where);
    Id year(std::int64_t group, const Where& where);
    Id class_of(std::int64_t group, const Where& where);
    Value subgroup_of(std::int64_t group, const Where& where);
    Id person(std::int64_t person, std::int64_t school, std::string_view role);
    Id subject(std::int64_t subject, std::int64_t school, const Where& where);
    std::string period_kind(std::string_view type, const Where& where);
    Id period(std::int64_t group, const std::string& kind, std::int64_t number, const PeriodInfo* described,
              const Where& where);
    Id lesson(std::int64_t lesson, const Where& where);
    Id work(std::int64_t work, const Where& where);
    std::optional<int> offset_of(std::int64_t school) const;
    std::string local_date(const std::string& text, std::int64_t school) const;

    void mark(const nlohmann::json& mark, std::int64_t group, const Where& where);
    void final_mark(const nlohmann::json& mark, std::int64_t group, std::int64_t subject_hint, std::int64_t period_hint,
                    const Where& where);
    void log_entry(const nlohmann::json& entry, const Where& where);
    void mark_value(RecordBuilder& record, const std::string& system, const std::string& raw, std::int64_t work_type);
    void source(std::string_view entity, std::int64_t platform_id, Id entity_id);
    void compute_work_ordinals();

    const Directory& d_;
    const Mappings& m_;
    const ReadContext& context_;
    Sink& sink_;
    std::map<std::int64_t, Id> schools_;
    std::map<std::pair<std::int64_t, int>, Id> years_;
    std::map<std::int64_t, Id> classes_;
    std::map<std::int64_t, Id> subgroups_;
    std::map<std::pair<std::int64_t, std::int64_t>, Id> persons_;  // (school, person)
    std::set<std::pair<Id, std::string>> roles_;
    std::map<std::pair<std::int64_t, std::int64_t>, Id> subjects_;  // (school, subject)
    std::set<Id> periods_;
    EmittedIds lessons_;  // by index in the directory's table
    EmittedIds works_;
    std::vector<std::int64_t> work_ordinals_;  // by work index, while the directory is emitted
    std::set<Id> assignments_;
};

}  // namespace jb::dnevnik
