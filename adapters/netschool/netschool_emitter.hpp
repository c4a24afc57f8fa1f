#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>

#include "adapters/netschool/netschool_mappings.hpp"
#include "core/entities.hpp"

namespace jb {
class Sink;
class UnknownValues;
}  // namespace jb

// Turns NetSchool facts into model records; one per read. Ids of parents are derived once and
// cached, so a fact seen in the journal and again in the diary lands on the same records.
namespace jb::netschool {

struct SchoolFacts {
    std::string name;       // the school's name as NetSchool prints it; also its code
    std::string instance;   // the host, for source ids ("" for a saved report page)
    std::string source_id;  // schoolId
    int start_year = 0;
    std::string year_start, year_end, year_source_id;
};

struct Subject {
    Id id = 0;
    std::string canonical;
};

struct LessonFacts {
    Id class_id = 0;
    std::optional<Id> group;
    Id subject_id = 0;
    std::string date;
    int number = 0;
    std::string start, end, topic, homework;
    std::int64_t meeting = 0;  // classmeetingId
};

struct WorkFacts {
    Id class_id = 0;
    std::optional<Id> group;
    Id subject_id = 0;
    std::optional<Id> lesson;
    std::string date;
    WorkType type;
    int ordinal = 0;
    std::optional<double> weight;
    std::string due, title;
    std::int64_t assignment = 0;
};

struct MarkFacts {
    std::optional<std::string> raw;  // nullopt: the server sent null
    bool duty = false;
    std::optional<double> weight;
    std::string comment;
};

class Emitter {
public:
    Emitter(Sink& sink, const Mappings& mappings, UnknownValues* unknowns, SchoolFacts school);

    const Mappings& mappings() const { return mappings_; }
    UnknownValues* unknowns() const { return unknowns_; }
    Id school();
    Id year();
    Id class_id(const std::string& name, std::int64_t platform_id = 0);
    Subject subject(const std::string& raw);
    // A subject group ("7б/Алгебра"): the class and subject it names, and a class_group when it is
    // a part of the class ("7б/Английский язык/1 гр."). Empty when the name has no "/".
    struct Group {
        Id class_id = 0;
        std::optional<Id> group;
        Subject subject;
    };
    std::optional<Group> subject_group(const std::string& name, std::int64_t platform_id);
    Id student(const std::string& name, std::int64_t platform_id, Id class_id, std::optional<Id> group);
    Id teacher(const std::string& name);
    void teaches(Id teacher, Id class_id, std::optional<Id> group, Id subject_id);
    std::optional<Id> period(const std::string& name, const std::string& start, const std::string& end,
                             std::int64_t term_id);
    Id lesson(const LessonFacts& facts);
    void lesson_teacher(Id lesson, Id teacher);
    Id work(const WorkFacts& facts);
    void mark(Id work, Id student, const MarkFacts& facts);
    void attendance(Id lesson, Id student, const std::string& code, const std::string& local_code,
                    const std::string& name);
    void final_mark(Id student, Id class_id, Id subject_id, const std::string& kind, std::optional<Id> period,
                    const std::string& raw, const std::string& value);
    void source(std::string_view entity, std::int64_t platform_id, Id entity_id);

private:
    Sink& sink_;
    const Mappings& mappings_;
    UnknownValues* unknowns_;
    SchoolFacts school_facts_;
    std::optional<Id> school_, year_;
    std::map<std::string, Id, std::less<>> classes_, subjects_, teachers_;
    std::map<std::tuple<std::string, std::int64_t, Id>, Id> students_;
};

// "Орлова Вера Павловна" → last, first, middle.
struct PersonName {
    std::string last, first, middle;
};
PersonName split_name(const std::string& full);

}  // namespace jb::netschool
