#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "adapters/bars/bars_diary.hpp"
#include "adapters/bars/bars_index.hpp"
#include "adapters/bars/bars_vocabulary.hpp"
#include "core/adapter.hpp"
#include "core/value.hpp"

// Turns БАРС facts into model records: one place that knows the natural keys, so the diary, the
// summary marks and the homework list of one lesson meet in the same rows.
namespace jb::bars {

struct Pupil {
    Id person = 0, school = 0, year = 0, klass = 0;
    const ChildInfo* info = nullptr;
};

class Emitter {
public:
    Emitter(Sink& sink, const ReadContext& context, const CaptureIndex& index, int start_year);

    Pupil pupil(const ChildInfo& child);
    Id person(Id school, const std::string& full_name, std::string_view role);
    Id teacher(Id school, const std::string& name);  // "Кумыков А. Б." becomes the staff member it abbreviates
    Id subject(Id school, const std::string& raw);
    void parent_and_children();

    void diary_lesson(const Pupil& pupil, const DiaryLesson& lesson);
    // A mark seen only in summary marks; ordinal tells apart several of one type on one day.
    void summary_mark(const Pupil& pupil, const std::string& date, const std::string& discipline,
                      const std::string& type_raw, const std::vector<std::string>& values, int ordinal);
    void homework(const Pupil& pupil, const std::string& date, const std::string& discipline, const std::string& text);
    // Throws when `code` (or `name`) is no subperiod periods.toml explains.
    void final_mark(const Pupil& pupil, const std::string& discipline, const std::string& code,
                    const std::string& name, const std::string& raw, const std::string& where);
    void class_info(const Pupil& pupil, const std::string& form_master, const std::vector<std::string>& pupils);
    void school_info(const Pupil& pupil, const std::string& name, const std::vector<std::pair<std::string, bool>>& staff);
    void note(std::string_view kind, std::string_view value, std::string_view where);

private:
    Id school(const std::string& name);
    Id resolve_teacher(Id school, const std::string& name);
    Id year(Id school);
    void source_id(std::string_view entity, const std::string& platform_id, Id entity_id);
    Id lesson_row(const Pupil& pupil, Id subject, const std::string& date, int number, const std::string& start_time,
                  const std::string& end_time, const std::string& topic, const std::string& homework);
    void marks_of_work(const Pupil& pupil, Id work, const std::vector<std::string>& values, const std::string& comment);
    Id work(const Pupil& pupil, Id subject, std::optional<Id> lesson, const std::string& date,
            const std::string& type_raw, int ordinal, bool control);

    Sink& sink_;
    const ReadContext& context_;
    const CaptureIndex& index_;
    const Vocabulary& vocabulary_;
    int start_year_;
    std::map<std::string, Id> schools_, subjects_, people_, teachers_;
    std::map<std::string, Pupil> pupils_;
};

}  // namespace jb::bars
