import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/nutui'
import './desk.css'

export interface Column<T> {
  key: string
  title: string
  render: (row: T) => ReactNode
  /** Relative width (CSS grid fr); 1 by default. */
  width?: number
}

/**
 * A table for the desk layout, built from Views with table roles (the same code compiles for the mini-program,
 * which has no <table>): a header row and one row per item.
 */
export function DeskTable<T>({ id, columns, rows, rowKey }: { id: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string | number }) {
  // Every row is its own grid: minmax(0, …) keeps a column's width from following one row's longest word or chip.
  const template = columns.map((c) => `minmax(0, ${c.width ?? 1}fr)`).join(' ')
  return (
    <View id={id} className='desk-table' role='table'>
      <View className='desk-row desk-head' role='row' style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <View key={c.key} className='desk-cell' role='columnheader'>
            <Text>{c.title}</Text>
          </View>
        ))}
      </View>
      {rows.map((row) => (
        <View key={rowKey(row)} id={`${id}-row-${rowKey(row)}`} className='desk-row' role='row' style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <View key={c.key} className='desk-cell' role='cell'>
              {c.render(row)}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

/** 上一页 / 下一页 for a paged table. */
export function Pager({ id, page, pageSize, total, onPage }: { id: string; page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  return (
    <View id={id} className='desk-pager'>
      <Button size='large' fill='outline' disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Text className='ll-text'>
        第 {page} / {pages} 页，共 {total} 条
      </Text>
      <Button size='large' fill='outline' disabled={page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  )
}
