/** Paragraphs and their Russian translations, written for these tests: 1:1 by construction. */
export const PARALLEL: Array<[string, string]> = [
  [
    "In 2012 Shinzo Abe returned to power and made relations with Russia one of his priorities.",
    "В 2012 г. Синдзо Абэ вернулся к власти и сделал отношения с Россией одним из своих приоритетов.",
  ],
  [
    "The two leaders met more than twenty times. Each meeting produced statements about a new approach, but the territorial dispute remained where it was. Critics in Tokyo called the policy naive.",
    "Два лидера встречались более двадцати раз. Каждая встреча приносила заявления о новом подходе, но территориальный спор оставался там же, где и был. Критики в Токио называли эту политику наивной.",
  ],
  ["Economic cooperation.", "Экономическое сотрудничество."],
  [
    "Japan proposed an eight-point plan covering energy, medicine, urban development and small business. By 2017 more than 150 projects had been announced, although few of them went beyond memoranda.",
    "Япония предложила план из восьми пунктов, охватывающий энергетику, медицину, городскую среду и малый бизнес. К 2017 г. было объявлено более 150 проектов, хотя немногие из них вышли за рамки меморандумов.",
  ],
  [
    "Vladimir Putin visited Nagato in December 2016.",
    "Владимир Путин посетил Нагато в декабре 2016 г.",
  ],
  [
    "The visit was prepared for months, and expectations in Japan were high. The results, however, disappointed the Japanese public: no breakthrough on the islands was announced, and the joint economic activity on the Kuril Islands existed only on paper. Many commentators concluded that Moscow had no intention of returning any territory.",
    "Визит готовился несколько месяцев, и ожидания в Японии были высокими. Однако его итоги разочаровали японскую общественность: никакого прорыва по островам объявлено не было, а совместная хозяйственная деятельность на Курильских островах существовала лишь на бумаге. Многие комментаторы пришли к выводу, что Москва не намерена возвращать какие-либо территории.",
  ],
  [
    "See the report of the Valdai Club (https://valdaiclub.com/a/reports/) for details.",
    "Подробнее см. доклад клуба «Валдай» (https://valdaiclub.com/a/reports/).",
  ],
  ["Security.", "Безопасность."],
  [
    "The deployment of Aegis Ashore systems worried Moscow. Russian diplomats said that the systems could be used against Russia and China. Tokyo answered that they were purely defensive.",
    "Размещение систем Aegis Ashore встревожило Москву. Российские дипломаты заявили, что эти системы могут быть использованы против России и Китая. Токио ответил, что они носят чисто оборонительный характер.",
  ],
  [
    "In 1956 the Soviet Union and Japan signed a joint declaration.",
    "В 1956 г. Советский Союз и Япония подписали совместную декларацию.",
  ],
  [
    "The declaration promised the transfer of two islands after a peace treaty, yet no treaty followed. For decades both sides returned to the text, each reading it in its own way, and the dispute became a symbol of the unfinished war.",
    "Декларация обещала передачу двух островов после заключения мирного договора, однако договор так и не был подписан. Десятилетиями обе стороны возвращались к этому тексту, каждая толкуя его по-своему, и спор стал символом незавершённой войны.",
  ],
  [
    "Conclusion: the crisis is systemic, and new opportunities will not appear by themselves.",
    "Вывод: кризис носит системный характер, и новые возможности сами собой не появятся.",
  ],
];

export const ENGLISH = PARALLEL.map(([english]) => english);
export const RUSSIAN = PARALLEL.map(([, russian]) => russian);
