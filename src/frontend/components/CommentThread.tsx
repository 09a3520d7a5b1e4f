import type { Comment } from '@/payload-types'

import { formatDate } from '../format'

const parentID = (comment: Comment): null | number =>
  comment.parent === null || comment.parent === undefined
    ? null
    : typeof comment.parent === 'object'
      ? comment.parent.id
      : comment.parent

// React escapes text, so a comment's HTML stays literal text: bodies are never rendered as markup.
const CommentItem = ({ byParent, comment }: { byParent: Map<null | number, Comment[]>; comment: Comment }) => {
  const replies = byParent.get(comment.id) ?? []
  return (
    <li className="comment" id={`comment-${comment.id}`}>
      <p className="comment-meta">
        <strong>{comment.authorName}</strong> ·{' '}
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
      </p>
      <p className="comment-body">{comment.body}</p>
      {replies.length > 0 && (
        <ol className="replies">
          {replies.map((reply) => (
            <CommentItem byParent={byParent} comment={reply} key={reply.id} />
          ))}
        </ol>
      )}
    </li>
  )
}

export const CommentThread = ({ comments }: { comments: Comment[] }) => {
  const ids = new Set(comments.map(({ id }) => id))
  const byParent = new Map<null | number, Comment[]>()
  for (const comment of comments) {
    // A reply whose parent is not shown (not approved) is shown at the top level.
    const parent = parentID(comment)
    const key = parent !== null && ids.has(parent) ? parent : null
    byParent.set(key, [...(byParent.get(key) ?? []), comment])
  }
  return (
    <ol className="comments">
      {(byParent.get(null) ?? []).map((comment) => (
        <CommentItem byParent={byParent} comment={comment} key={comment.id} />
      ))}
    </ol>
  )
}
