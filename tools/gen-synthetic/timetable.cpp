#include "tools/gen-synthetic/timetable.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace jb::synth {
namespace {

struct DayOrder {
    std::span<const std::array<int, 2>> teachers;
    const std::vector<Busy>& busy;
    int day;

    bool free(int subject, int lesson) const {
        for (int t : teachers[static_cast<std::size_t>(subject)])
            if (t >= 0 && (busy[static_cast<std::size_t>(t)] & busy_bit(day, lesson))) return false;
        return true;
    }

    // Depth-first search for an order of `pending` in which every teacher is free; `order` is
    // filled from lesson number 1.
    bool place(std::vector<int>& pending, std::vector<int>& order) const {
        if (pending.empty()) return true;
        const int lesson = static_cast<int>(order.size());
        for (std::size_t i = 0; i < pending.size(); ++i) {
            int subject = pending[i];
            if (!free(subject, lesson)) continue;
            pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
            order.push_back(subject);
            if (place(pending, order)) return true;
            order.pop_back();
            pending.insert(pending.begin() + static_cast<std::ptrdiff_t>(i), subject);
        }
        return false;
    }
};

}  // namespace

Timetable build_timetable(std::span<const int> hours, std::span<const std::array<int, 2>> teachers,
                          std::vector<Busy>& busy, Rng& rng) {
    const int total = std::accumulate(hours.begin(), hours.end(), 0);
    if (total > kSchoolDays * kMaxLessons) throw std::logic_error("too many hours for one week");

    // Subjects with more hours first, each hour on the day that has it least and is least full.
    std::vector<int> subjects(hours.size());
    std::iota(subjects.begin(), subjects.end(), 0);
    std::stable_sort(subjects.begin(), subjects.end(),
                     [&](int a, int b) { return hours[static_cast<std::size_t>(a)] > hours[static_cast<std::size_t>(b)]; });
    std::array<std::vector<int>, kSchoolDays> per_day;
    for (int subject : subjects) {
        for (int h = 0; h < hours[static_cast<std::size_t>(subject)]; ++h) {
            std::vector<int> days(kSchoolDays);
            std::iota(days.begin(), days.end(), 0);
            rng.shuffle(days);
            auto load = [&](int d) {
                const auto& list = per_day[static_cast<std::size_t>(d)];
                int same = static_cast<int>(std::count(list.begin(), list.end(), subject));
                return same * 100 + static_cast<int>(list.size());
            };
            int best = *std::min_element(days.begin(), days.end(), [&](int a, int b) { return load(a) < load(b); });
            per_day[static_cast<std::size_t>(best)].push_back(subject);
        }
    }

    Timetable timetable;
    for (int day = 0; day < kSchoolDays; ++day) {
        std::vector<int> pending = per_day[static_cast<std::size_t>(day)];
        rng.shuffle(pending);
        std::vector<int> order;
        DayOrder search{teachers, busy, day};
        if (!search.place(pending, order)) order = per_day[static_cast<std::size_t>(day)];  // accept a clash
        for (int lesson = 0; lesson < static_cast<int>(order.size()); ++lesson)
            for (int t : teachers[static_cast<std::size_t>(order[static_cast<std::size_t>(lesson)])])
                if (t >= 0) busy[static_cast<std::size_t>(t)] |= busy_bit(day, lesson);
        timetable.days[static_cast<std::size_t>(day)] = std::move(order);
    }
    return timetable;
}

}  // namespace jb::synth
