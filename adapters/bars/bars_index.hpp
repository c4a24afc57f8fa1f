#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/bars/bars_diary.hpp"
#include "adapters/bars/bars_json.hpp"

// What the first pass over a capture learns so that the second can place every response: who the
// account and its children are, which child was selected at each entry (SetChild), full names of
// staff (to recognise "Кумыков А. Б."), and a compact index of diary lessons and marks (to attach
// HomeworkService entries to lessons and to recognise summary marks the diary already gave).
namespace jb::bars {

struct ChildInfo {
    std::string id;  // platform person id
    std::string full_name, school, class_name;
};

struct LessonSlot {
    int number = 0;
    std::string start_time;
};

class CaptureIndex {
public:
    void note_started(const std::string& started, const std::string& host);
    void add_person_data(std::size_t entry, const json& doc);
    void add_set_child(std::size_t entry, const std::string& child_id);
    void add_class_info(std::size_t entry, const json& doc);
    void add_school_info(const json& doc);
    void add_rest_login(const json& doc);
    // `child_id` empty: the child selected at `entry` (known after finish()).
    void add_diary(std::size_t entry, const std::string& child_id, const std::vector<DiaryLesson>& lessons);
    void finish();

    const ChildInfo* child(const std::string& id) const;
    // The child selected when `entry` was captured: the last selection before it, else the first
    // selection of the capture, else the only child; nullptr when the capture cannot tell.
    const ChildInfo* child_at(std::size_t entry) const;
    std::string selected_id_at(std::size_t entry) const;  // "" when the capture cannot tell
    const std::map<std::string, ChildInfo>& children() const { return children_; }

    const std::string& parent_id() const { return parent_id_; }      // "" for a pupil's account
    const std::string& parent_name() const { return parent_name_; }
    const std::string& first_started() const { return first_started_; }
    const std::string& host() const { return host_; }
    const std::vector<std::string>& staff_names() const { return staff_; }

    const std::vector<LessonSlot>* lessons_on(const std::string& child, const std::string& date,
                                              const std::string& subject) const;
    const std::vector<std::string>* diary_marks_on(const std::string& child, const std::string& date,
                                                   const std::string& subject) const;

private:
    struct PendingDiary {
        std::size_t entry;
        std::string child_id;
        std::string date, subject;
        LessonSlot slot;
        std::vector<std::string> marks;
    };
    struct PendingClass {
        std::size_t entry;
        std::string class_name;
    };
    ChildInfo& child_slot(const std::string& id);
    static std::string day_key(const std::string& child, const std::string& date, const std::string& subject);

    std::map<std::string, ChildInfo> children_;
    std::vector<std::pair<std::size_t, std::string>> selections_;
    std::vector<PendingClass> pending_classes_;
    std::vector<PendingDiary> pending_diary_;
    std::map<std::string, std::vector<LessonSlot>> lessons_;
    std::map<std::string, std::vector<std::string>> marks_;
    std::vector<std::string> staff_;
    std::string parent_id_, parent_name_, first_started_, host_;
};

}  // namespace jb::bars
