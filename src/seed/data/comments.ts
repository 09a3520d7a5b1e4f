import type { Comment } from '@/payload-types'

export type CommentSeed = {
  /** Slug of the (published) article the comment is on. */
  article: string
  authorEmail: string
  authorName: string
  body: string
  /** A label other comments can reply to; only ever read by the seed. */
  key: string
  /** The `key` of the comment this one replies to, listed earlier. */
  replyTo?: string
  status: Comment['status']
}

// Readers' comments as a moderator finds them: most approved, some waiting, some spam, one rejected.
export const comments: CommentSeed[] = [
  {
    key: 'pollock-father',
    article: 'pollock-catch-limit-cut-by-a-fifth-for-primorsky-fleet',
    authorName: 'Nikolai Pavlenko',
    authorEmail: 'n.pavlenko@example.com',
    body: 'My father fished pollock out of Nakhodka for thirty years. He always said the fish follow the cold water, and the cold water is moving north. Good to finally see the survey numbers in print.',
    status: 'approved',
  },
  {
    key: 'pollock-reply',
    article: 'pollock-catch-limit-cut-by-a-fifth-for-primorsky-fleet',
    replyTo: 'pollock-father',
    authorName: 'Irina K.',
    authorEmail: 'irina.k@example.org',
    body: 'Same in our family. The question nobody answers is what happens to the processing plants if the fish do not come back south.',
    status: 'approved',
  },
  {
    key: 'pollock-data',
    article: 'pollock-catch-limit-cut-by-a-fifth-for-primorsky-fleet',
    authorName: 'Dmitry',
    authorEmail: 'dmitry.s@example.net',
    body: 'Why does the council only publish a summary of the survey? The full data should be public.',
    status: 'pending',
  },
  {
    key: 'pollock-spam',
    article: 'pollock-catch-limit-cut-by-a-fifth-for-primorsky-fleet',
    authorName: 'Crypto Signals Pro',
    authorEmail: 'promo@signals.example',
    body: 'Earn 500% in a week with our AI trading bot!!! Limited places, join now at signals.example',
    status: 'spam',
  },
  {
    key: 'solar-heritage',
    article: 'lisbon-tram-depots-to-run-on-rooftop-solar',
    authorName: 'Joana Matos',
    authorEmail: 'joana.matos@example.com',
    body: 'Good news, but part of the Santo Amaro depot is a protected building. Has the heritage office signed off on panels on that roof?',
    status: 'approved',
  },
  {
    key: 'solar-funding',
    article: 'lisbon-tram-depots-to-run-on-rooftop-solar',
    authorName: 'Miguel R.',
    authorEmail: 'miguel.r@example.com',
    body: 'How much of the €14 million comes from EU recovery funds, and how much from the city budget?',
    status: 'pending',
  },
  {
    key: 'solar-abuse',
    article: 'lisbon-tram-depots-to-run-on-rooftop-solar',
    authorName: 'Fed Up',
    authorEmail: 'fedup@example.com',
    body: 'Another vanity project. Whoever wrote this puff piece should be sacked along with the whole council.',
    status: 'rejected',
  },
  {
    key: 'azores-sulphur',
    article: 'azores-geothermal-expansion-to-cut-diesel-use',
    authorName: 'Carlos Pacheco',
    authorEmail: 'c.pacheco@example.com',
    body: 'I live in Ribeira Grande and the smell of sulphur near the new wells has been stronger since the drilling started. Nobody mentions that.',
    status: 'approved',
  },
  {
    key: 'azores-sulphur-reply',
    article: 'azores-geothermal-expansion-to-cut-diesel-use',
    replyTo: 'azores-sulphur',
    authorName: 'Helen Okafor',
    authorEmail: 'helen.okafor@newsroom.example',
    body: 'Thank you, Carlos. We have asked the utility how many odour complaints it has received since the drilling began and will update the story with its answer.',
    status: 'approved',
  },
  {
    key: 'azores-spam',
    article: 'azores-geothermal-expansion-to-cut-diesel-use',
    authorName: 'Cheap Flights 4U',
    authorEmail: 'deals@flights.example',
    body: 'Azores flights from 9 EUR!!! Best price guaranteed, click here now',
    status: 'spam',
  },
  {
    key: 'typhoon-street',
    article: 'typhoon-leaves-40000-without-power-in-primorsky-krai',
    authorName: 'Svetlana',
    authorEmail: 'svetlana.v@example.org',
    body: 'Still no power on our street in Nadezhdinskoye this evening, but the water is back. Thank you to the crews who worked through the night.',
    status: 'approved',
  },
  {
    key: 'typhoon-underground',
    article: 'typhoon-leaves-40000-without-power-in-primorsky-krai',
    authorName: 'Pyotr Ivanov',
    authorEmail: 'p.ivanov@example.net',
    body: 'Same story every autumn. When will the lines in Khasan finally be put underground?',
    status: 'pending',
  },
  {
    key: 'port-road',
    article: 'golden-horn-terminal-opens-new-container-berth',
    authorName: 'Alexei M.',
    authorEmail: 'alexei.m@example.com',
    body: 'Why does the access road open a year after the berth? Anyone who drives there could have told them the order was wrong.',
    status: 'approved',
  },
]
